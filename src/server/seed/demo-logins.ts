// The three stable demo logins, one per home role. They exist only in the demo seed, never in production data.
export const DEMO_PASSWORD = 'handoff-demo'
export const DEMO_LOGINS = [
  { email: 'manager@example.com', name: 'Trần Thị Mai', homeRole: 'MANAGER' },
  { email: 'reception@example.com', name: 'Nguyễn Thu Hà', homeRole: 'RECEPTIONIST' },
  { email: 'backoffice@example.com', name: 'Lê Văn Hùng', homeRole: 'BACK_OFFICE' },
] as const
