/** SPEC.md §5: handling statuses (tình trạng xử lý). */
export const STATUSES = ['received', 'accepted', 'verifying', 'needs_info', 'suspended', 'resolved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];
