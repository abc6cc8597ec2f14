// Xiezuo: Tasklist in Chinese first (a zh-CN browser asks for 'zh'; English stays selectable).
export default {
  app: {
    name: '任务中心',
    vendor: '协作'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  disableWelcomeMessage: true,
  customScripts: ['scripts/xiezuo-tasklist.js'],
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: '认领当前选中的任务' },
    focusFilter: { key: 'ctrl+shift+f', description: '定位到第一个过滤器' },
    focusList: { key: 'ctrl+alt+l', description: '定位到任务列表的第一个任务' },
    focusForm: { key: 'ctrl+alt+f', description: '定位到任务表单的第一个输入框' },
    startProcess: { key: 'ctrl+alt+p', description: '打开“发起流程”对话框' }
  }
};
