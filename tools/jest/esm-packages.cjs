/**
 * Packages that ship only ES modules. Jest runs specs as CommonJS and, before Node 24.9, cannot
 * require them, so the API test projects compile these few to CommonJS on the way in.
 */
const ESM_ONLY_PACKAGES = ['openid-client', 'oauth4webapi', 'jose', 'oidc-provider'];
const names = ESM_ONLY_PACKAGES.join('|');

module.exports = {
  transform: {
    [`/node_modules/(${names})/.+\\.js$`]: [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022' }, isolatedModules: true },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${names})/)`],
};
