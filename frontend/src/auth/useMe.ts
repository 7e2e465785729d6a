import { useQuery } from '@tanstack/react-query';
import { useOneThingDataProvider } from '../dataProvider';

/**
 * Who the backend says the user is (GET /api/me): the name it writes into records (e.g. who claimed a push) and
 * the departments with their names. Asked once and shared by every page.
 */
export const useMe = () => {
    const dataProvider = useOneThingDataProvider();
    return useQuery({ queryKey: ['me'], queryFn: () => dataProvider.me(), staleTime: Infinity });
};
