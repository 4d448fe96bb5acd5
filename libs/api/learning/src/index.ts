export * from './lib/learning.module';
export * from './lib/completion-listeners';
export { certificateFontPath } from './lib/certificates/certificate-pdf';
