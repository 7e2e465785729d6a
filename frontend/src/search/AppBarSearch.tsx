import { useTranslate } from 'react-admin';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { SearchField } from './SearchField';
import { searchPath } from './searchState';

/** The app bar's search box: opens the results page (/search?q=…); there it shows the words searched. */
export const AppBarSearch = () => {
    const translate = useTranslate();
    const navigate = useNavigate();
    const { pathname } = useLocation();
    const [params] = useSearchParams();
    const searched = pathname === '/search' ? (params.get('q') ?? '') : '';
    return (
        <SearchField
            key={searched}
            appBar
            label={translate('onething.search.box')}
            initial={searched}
            onSearch={q => navigate(searchPath(q))}
        />
    );
};
