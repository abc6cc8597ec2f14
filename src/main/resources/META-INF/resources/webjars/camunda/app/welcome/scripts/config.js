// Xiezuo: welcome in Chinese first (a zh-CN browser asks for 'zh'; English stays selectable).
export default {
  app: {
    name: '欢迎',
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
};
