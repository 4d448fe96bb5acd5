export * from './lib/i18n-key';
export * from './lib/json-translation-loader';
export * from './lib/language-preference';
export * from './lib/provide-i18n';
export * from './lib/translated-title-strategy';
export * from './lib/role-labels';
