import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { COVER_LEVEL } from '@/domain/permissions'
import { orderMakers, presentMakers, shopSkillName, type SkillHolder } from '@/domain/shop-skills'

const holder = (userId: string, level: number): SkillHolder => ({ userId, name: userId, level })

describe('shop skills: who present can make it', () => {
  it('counts holders at level 2 or more who are present', () => {
    const holders = [holder('a', 3), holder('b', 2), holder('c', 1), holder('d', 3)]
    const present = (id: string) => id !== 'd'
    expect(presentMakers(holders, present).map((h) => h.userId)).toEqual(['a', 'b'])
  })

  it('flags an order when the only holder of a needed skill is away, not when another line is covered', () => {
    const holders = new Map([
      ['large', [holder('hung', 3)]],
      ['binding', [holder('ngoc', 2), holder('bao', 1)]],
    ])
    const needs = [
      { lineId: 'l1', description: 'Poster A0', skillId: 'large' },
      { lineId: 'l2', description: 'Bound report', skillId: 'binding' },
    ]
    const allHere = orderMakers(needs, holders, () => true)
    expect(allHere.flagged).toBe(false)
    expect(allHere.lines.map((l) => l.makers.map((m) => m.userId))).toEqual([['hung'], ['ngoc']])
    const hungAway = orderMakers(needs, holders, (id) => id !== 'hung')
    expect(hungAway.flagged).toBe(true)
    expect(hungAway.lines[0]!.makers).toEqual([])
    expect(orderMakers([], holders, () => false).flagged).toBe(false)
    expect(orderMakers([{ lineId: 'x', description: 'x', skillId: 'unknown' }], holders, () => true).flagged).toBe(true)
  })

  it('property: flagged exactly when some needed skill has no present holder at cover level', () => {
    const arb = fc.record({
      levels: fc.array(
        fc.record({ user: fc.integer({ min: 0, max: 4 }), skill: fc.integer({ min: 0, max: 2 }), level: fc.integer({ min: 0, max: 3 }) }),
      ),
      present: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      needs: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 4 }),
    })
    fc.assert(
      fc.property(arb, ({ levels, present, needs }) => {
        const bySkill = new Map<string, SkillHolder[]>()
        for (const l of levels) bySkill.set(`s${l.skill}`, [...(bySkill.get(`s${l.skill}`) ?? []), holder(`u${l.user}`, l.level)])
        const isPresent = (id: string) => present[Number(id.slice(1))] ?? false
        const result = orderMakers(
          needs.map((s, i) => ({ lineId: `l${i}`, description: '', skillId: `s${s}` })),
          bySkill,
          isPresent,
        )
        const oracle = needs.some((s) => !levels.some((l) => l.skill === s && l.level >= COVER_LEVEL && present[l.user]))
        expect(result.flagged).toBe(oracle)
      }),
    )
  })

  it('shows the name in the reader language', () => {
    expect(shopSkillName({ nameVi: 'Đóng gáy', nameEn: 'Binding' }, 'vi')).toBe('Đóng gáy')
    expect(shopSkillName({ nameVi: 'Đóng gáy', nameEn: 'Binding' }, 'en')).toBe('Binding')
  })
})
