import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { customerSearchText, foldForSearch, matchesSearch, normalizeEmail, normalizePhone, searchTerms } from '@/domain/search'

const anyText = fc.string({ unit: 'binary', maxLength: 40 })
const vietnamese = fc.string({
  unit: fc.constantFrom(
    ...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐĂÂÊÔƠƯ  \t'.split(''),
  ),
  maxLength: 30,
})

describe('foldForSearch', () => {
  it.each([
    ['Nguyễn Văn Đức', 'nguyen van duc'],
    ['  TRẦN   thị\tBÍCH\nNgọc ', 'tran thi bich ngoc'],
    ['đường Lê Lợi', 'duong le loi'],
    ['ĐẶNG', 'dang'],
    ['ẮẰẲẴẶ ƯỨỪỬỮỰ ƠỚỜỞỠỢ', 'aaaaa uuuuuu oooooo'],
    ['Phạm Ngọc Ánh', 'pham ngoc anh'],
    ['Hồ Chí Minh', 'ho chi minh'],
    ['İstanbul', 'istanbul'],
    ['Crème Brûlée', 'creme brulee'],
    ['', ''],
    ['   ', ''],
    ['0901 234 567', '0901 234 567'],
  ])('%j -> %j', (input, expected) => {
    expect(foldForSearch(input)).toBe(expected)
  })

  it('treats precomposed (NFC) and decomposed (NFD) input alike', () => {
    const nfc = 'Nguyễn Văn Đức'.normalize('NFC')
    const nfd = 'Nguyễn Văn Đức'.normalize('NFD')
    expect(nfc).not.toBe(nfd)
    expect(foldForSearch(nfd)).toBe(foldForSearch(nfc))
  })

  it('folds non-breaking and other Unicode spaces', () => {
    expect(foldForSearch('Lan\u00a0Anh\u2003Lê')).toBe('lan anh le')
  })

  it('is idempotent on any string', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = foldForSearch(s)
        expect(foldForSearch(once)).toBe(once)
      }),
      { numRuns: 500 },
    )
  })

  it('leaves no combining marks, no đ, no upper-case letters and normalised spacing', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, vietnamese), (s) => {
        const folded = foldForSearch(s)
        expect(folded).not.toMatch(/\p{M}/u)
        expect(folded).not.toMatch(/[đĐ]/)
        expect(folded).toBe(folded.toLowerCase())
        expect(folded).not.toMatch(/^\s|\s$|\s\s|[^\S ]/)
      }),
    )
  })

  it('reduces Vietnamese text to plain ASCII letters and spaces', () => {
    fc.assert(
      fc.property(vietnamese, (s) => {
        expect(foldForSearch(s)).toMatch(/^[a-z ]*$/)
      }),
    )
  })
})

describe('normalizePhone', () => {
  it.each([
    ['090 123 4567', '0901234567'],
    ['0901234567', '0901234567'],
    ['090.123.4567', '0901234567'],
    ['090-123-4567', '0901234567'],
    ['(028) 3822 1234', '02838221234'],
    ['+84 90 123 4567', '+84901234567'],
    ['(+84) 90-123.4567', '+84901234567'],
    ['  +84901234567  ', '+84901234567'],
    ['12345678', '12345678'],
    ['123456789012345', '123456789012345'],
    ['+123456789012345', '+123456789012345'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected)
  })

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['1234567', '7 digits'],
    ['1234567890123456', '16 digits'],
    ['+1234567', '7 digits after +'],
    ['090 123 456a', 'letter'],
    ['090/123/4567', 'slash'],
    ['84+901234567', '+ in the middle'],
    ['++84901234567', 'two +'],
    ['+', 'lone +'],
    ['0901234567 ext 12', 'extension text'],
    ['０９０１２３４５６７', 'full-width digits'],
  ])('%j -> null (%s)', (input) => {
    expect(normalizePhone(input)).toBeNull()
  })

  it('rejects non-strings at runtime', () => {
    expect(normalizePhone(null as unknown as string)).toBeNull()
  })

  it('recovers the digits whatever separators are typed between them', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 8, maxLength: 15 }),
        fc.array(fc.constantFrom(' ', '.', '-', '(', ')', '  '), { maxLength: 15 }),
        fc.boolean(),
        (digits, separators, plus) => {
          const typed = (plus ? '+' : '') + [...digits].map((d, i) => d + (separators[i] ?? '')).join('')
          expect(normalizePhone(typed)).toBe((plus ? '+' : '') + digits)
        },
      ),
    )
  })

  it('is idempotent and only ever returns + and digits', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.stringMatching(/^\+?[\d .()-]{6,20}$/)), (s) => {
        const n = normalizePhone(s)
        if (n !== null) {
          expect(n).toMatch(/^\+?\d{8,15}$/)
          expect(normalizePhone(n)).toBe(n)
        }
      }),
    )
  })
})

describe('normalizeEmail', () => {
  it.each([
    [' Anh.Nguyen@Example.COM ', 'anh.nguyen@example.com'],
    ['a@b.co', 'a@b.co'],
    ['x+tag@sub.example.vn', 'x+tag@sub.example.vn'],
    ['đức@ví-dụ.vn', 'đức@ví-dụ.vn'],
    [`${'a'.repeat(64)}@example.com`, `${'a'.repeat(64)}@example.com`],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected)
  })

  it.each([
    '',
    '   ',
    'a',
    'a@b',
    '@b.co',
    'a@',
    'a@b.',
    'a@.b.co',
    'a@b..co',
    'a b@c.de',
    'a@b c.de',
    'a@@b.co',
    'a@b@c.de',
    `${'a'.repeat(65)}@example.com`,
    `a@${'b'.repeat(250)}.com`,
  ])('%j -> null', (input) => {
    expect(normalizeEmail(input)).toBeNull()
  })

  it('rejects non-strings at runtime', () => {
    expect(normalizeEmail(undefined as unknown as string)).toBeNull()
  })

  it('is idempotent and returns lower-case, trimmed addresses', () => {
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), anyText), fc.constantFrom('', ' ', '\t'), (email, pad) => {
        const n = normalizeEmail(pad + email.toUpperCase() + pad)
        if (n !== null) {
          expect(n).toBe(n.trim().toLowerCase())
          expect(normalizeEmail(n)).toBe(n)
        }
      }),
    )
  })

  it('accepts generated valid addresses', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        expect(normalizeEmail(email)).toBe(email.toLowerCase())
      }),
    )
  })
})

describe('customerSearchText', () => {
  it('joins the folded name, phone and email', () => {
    expect(customerSearchText({ name: 'Nguyễn Văn Đức', phone: '0901234567', email: 'Duc@Example.com' })).toBe(
      'nguyen van duc 0901234567 duc@example.com',
    )
  })

  it('omits missing and blank parts', () => {
    expect(customerSearchText({ name: 'Nguyễn Văn Đức', phone: null, email: 'duc@example.com' })).toBe('nguyen van duc duc@example.com')
    expect(customerSearchText({ name: 'Nguyễn Văn Đức', phone: '0901234567', email: null })).toBe('nguyen van duc 0901234567')
    expect(customerSearchText({ name: 'Lê Lan', phone: null, email: null })).toBe('le lan')
    expect(customerSearchText({ name: 'Lê Lan' })).toBe('le lan')
    expect(customerSearchText({ name: 'Lê Lan', phone: '', email: '  ' })).toBe('le lan')
  })
})

describe('searchTerms / matchesSearch', () => {
  const text = customerSearchText({ name: 'Nguyễn Văn Đức', phone: '0901234567', email: 'duc@example.com' })

  it('splits a query into folded words', () => {
    expect(searchTerms('  Đức   NGUYỄN ')).toEqual(['duc', 'nguyen'])
    expect(searchTerms('   ')).toEqual([])
  })

  it.each(['nguyen van duc', 'Nguyễn Văn Đức', 'duc nguyen', 'ĐỨC', 'ngu', '090 123', '0901234567', 'example.com', 'van'])(
    'finds the customer by %j',
    (query) => {
      expect(matchesSearch(text, query)).toBe(true)
    },
  )

  it.each(['', '   ', 'tran', 'nguyen tran', '0909', 'duc@example.org'])('does not match %j', (query) => {
    expect(matchesSearch(text, query)).toBe(false)
  })

  it('a name always finds itself, however it is typed', () => {
    fc.assert(
      fc.property(
        vietnamese.filter((s) => s.trim() !== ''),
        fc.boolean(),
        (name, upper) => {
          const stored = customerSearchText({ name })
          const typed = upper ? name.toUpperCase() : name.normalize('NFD')
          expect(matchesSearch(stored, typed)).toBe(true)
        },
      ),
    )
  })
})
