import SearchIcon from '@mui/icons-material/Search';
import { IconButton, type Theme, useMediaQuery } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { SearchField } from './SearchField';
import { searchPath } from './searchState';

/**
 * The app bar's search box: opens the results page (/search?q=…); there it shows the words searched. On a phone
 * the app bar has no room for it: a button leads to the search page and its own box.
 */
export const AppBarSearch = () => {
    const translate = useTranslate();
    const phone = useMediaQuery<Theme>(theme => theme.breakpoints.down('sm'));
    const navigate = useNavigate();
    const { pathname } = useLocation();
    const [params] = useSearchParams();
    const searched = pathname === '/search' ? (params.get('q') ?? '') : '';
    if (phone) {
        return (
            <IconButton component={Link} to="/search" color="inherit" aria-label={translate('onething.search.box')}>
                <SearchIcon />
            </IconButton>
        );
    }
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
