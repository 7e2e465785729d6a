import polyglotI18nProvider from 'ra-i18n-polyglot';
import { zhMessages } from './zh';

export const i18nProvider = polyglotI18nProvider(() => zhMessages, 'zh', [
    { locale: 'zh', name: '中文' },
]);
