// Xiezuo's Tasklist additions (loaded through customScripts in config.js):
// 1. what the user may not use is not offered (starting processes, creating tasks, editing a task's dates);
// 2. the form library's own validation messages, which Camunda Forms only has in English, said in Chinese;
// 3. the task list opens sorted by due date, earliest first (Tasklist's own default is creation time).

const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum length of (\d+)\.$/, (n) => `请至少填写 ${n} 个字。`],
  [/^Field must have maximum length of (\d+)\.$/, (n) => `最多只能填写 ${n} 个字。`],
  [/^Field must have minimum value of (.+)\.$/, (n) => `不能小于 ${n}。`],
  [/^Field must have maximum value of (.+)\.$/, (n) => `不能大于 ${n}。`],
  [/^Field must match pattern (.+)\.$/, (p) => `格式不符合要求（${p}）。`],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱地址。'],
  [/^Field must be a valid +international phone number\..*$/, () => '请填写有效的电话号码（含国家代码，例如 +8675612345678）。'],
  [/^Value is not a number\.$/, () => '请填写数字。'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (a, b) => `请填写有效的数值，最接近的有效值为 ${a} 和 ${b}。`],
  [/^Date must match pattern yyyy-MM-dd$/, () => '日期格式应为 年-月-日（例如 2026-10-31）。'],
  [/^Date and time must both be entered\.$/, () => '请同时填写日期和时间。']
];

function translate(text) {
  const trimmed = text.trim();
  for (const [pattern, say] of MESSAGES) {
    const match = trimmed.match(pattern);
    if (match) {
      return say(...match.slice(1));
    }
  }
  return null;
}

function translateErrors(root) {
  root.querySelectorAll('.fjs-form-field-error, .fjs-form-field-error *').forEach((element) => {
    element.childNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const chinese = translate(node.data);
        if (chinese) {
          node.data = chinese;
        }
      }
    });
  });
}

new MutationObserver(() => translateErrors(document)).observe(document.documentElement,
  { childList: true, subtree: true, characterData: true });

// only administrators (the one group with the Admin application) may start processes, create tasks or edit a
// task's dates and groups; Xiezuo starts its processes itself and the engine refuses these to everyone else
const READ_ONLY = ['xz-no-start-process', 'xz-no-create-task', 'xz-no-task-edit'];
fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then((response) => (response.ok ? response.json() : null))
  .then((user) => {
    if (!user || !(user.authorizedApps || []).includes('admin')) {
      document.documentElement.classList.add(...READ_ONLY);
    }
  })
  .catch(() => document.documentElement.classList.add(...READ_ONLY));

// Tasklist reads its order from the address ("sorting=[…]"); a user's own choice there is left alone
const BY_DUE_DATE = encodeURIComponent(JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]));
if (!window.location.hash.includes('sorting=')) {
  const hash = window.location.hash || '#/';
  window.location.replace(hash + (hash.includes('?') ? '&' : (hash.endsWith('/') ? '?' : '/?')) + 'sorting=' + BY_DUE_DATE);
}

export default [];
