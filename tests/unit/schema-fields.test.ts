// One rule for numbers in inputs (#20): JSON fields are never coerced; a field a form posts as text reads a plain
// decimal numeral and nothing else. z.coerce had read "" and null as 0, true as 1, "0x10" as 16 and "1e3" as 1000.
import { describe, expect, it } from 'vitest'
import { recordPaymentSchema } from '@/lib/schemas/billing'
import { recordFulfillmentSchema } from '@/lib/schemas/fulfillment'
import { updateSettingsSchema } from '@/lib/schemas/settings'
import { createTrainingGoalSchema, setSkillLevelSchema } from '@/lib/schemas/team'

const NOT_A_NUMERAL = ['', ' ', '0x10', '1e3', 'Infinity', '1,5', null, true, false, [], [1], {}]

describe('numbers in JSON bodies', () => {
  it('take numbers only', () => {
    const amount = recordPaymentSchema.shape.amount
    expect(amount.parse(500)).toBe(500)
    for (const v of [...NOT_A_NUMERAL, '500']) expect(amount.safeParse(v).success, JSON.stringify(v)).toBe(false)
    const set = recordFulfillmentSchema.shape.lines.element
    for (const v of [...NOT_A_NUMERAL, '0'])
      expect(set.safeParse({ lineId: crypto.randomUUID(), set: v }).success, JSON.stringify(v)).toBe(false)
  })
})

describe('numbers typed into forms', () => {
  it('read a plain numeral (spaces around it allowed) and refuse anything else instead of reading 0, 1 or 16', () => {
    const lead = updateSettingsSchema.shape.defaultLeadDays
    expect(lead.parse('3')).toBe(3)
    expect(lead.parse(' 7 ')).toBe(7)
    expect(lead.parse(5)).toBe(5)
    for (const v of NOT_A_NUMERAL) expect(lead.safeParse(v).success, JSON.stringify(v)).toBe(false)
    expect(lead.safeParse('61').success).toBe(false)
    const level = setSkillLevelSchema.shape.level
    expect(level.parse('2')).toBe(2)
    for (const v of [...NOT_A_NUMERAL, '2.5']) expect(level.safeParse(v).success, JSON.stringify(v)).toBe(false)
    expect(createTrainingGoalSchema.shape.targetLevel.safeParse('').success).toBe(false)
  })
})
