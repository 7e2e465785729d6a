import { Link } from 'react-admin';
import type { ModelCase } from '../types';

/** How a running case is named: by its case number, else by its process instance. */
export const caseLabel = (instance: ModelCase) => instance.caseNumber ?? instance.processInstanceId;

/** A running case named by its case number, linked to its page; a process instance of no case by its id. */
export const CaseLink = ({ instance }: { instance: ModelCase }) =>
    instance.businessKey ? (
        <Link to={`/cases/${encodeURIComponent(instance.businessKey)}/show`}>
            {caseLabel(instance)}
        </Link>
    ) : (
        <>{caseLabel(instance)}</>
    );
