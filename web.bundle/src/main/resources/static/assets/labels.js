// Words with a shape for rollout progress, so the state is not told by colour alone.
const MARKS = { done: '✓', active: '✓', succeeded: '✓', failed: '✖', 'rolled-back': '↺', rolledback: '↺', pending: '…', installing: '…' };

export function stateBadgeText(status) {
  const mark = MARKS[String(status).toLowerCase()];
  return mark ? `${mark} ${status}` : String(status);
}
