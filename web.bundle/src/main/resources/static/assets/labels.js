// Words with a shape for rollout progress (the deploy API's NodeState and Phase), so a state is
// never told by colour alone.
const MARKS = {
  pending: '…', fetching: '↓', installed: '•', active: '✓', failed: '✖', rolled_back: '↺',
  canary: '◔', in_progress: '◑', succeeded: '✓', stopped: '■',
};

export function stateBadgeText(status) {
  const mark = MARKS[String(status).toLowerCase().replace('-', '_')];
  const words = String(status).toLowerCase().replace('_', ' ');
  return mark ? `${mark} ${words}` : words;
}
