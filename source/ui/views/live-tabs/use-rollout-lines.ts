import {useEffect, useState} from 'react';
import {engineErrorMessage} from '../../../resources/run-action.js';
import {loadRollout, rolloutLines} from '../../../resources/service-rollout.js';
import type {Line} from '../../../theme/tokens.js';
import {useStore} from '../../hooks/use-live-store.js';

/** The Rollout tab of a service: its slots' old → new tasks, read every 1.5 s while shown. */
export function useRolloutLines(serviceId: string, active: boolean): Line[] {
	const store = useStore();
	const [lines, setLines] = useState<Line[]>([[{text: 'reading the tasks…', tone: 'muted'}]]);
	useEffect(() => {
		if (!active) return undefined;
		let current = true;
		const read = () =>
			void store.withSession(session => loadRollout(session, serviceId)).then(
				state => current && setLines(rolloutLines(state)),
				(error: unknown) => current && setLines([[{text: `rollout: ${engineErrorMessage(error)}`, tone: 'message.error'}]]),
			);
		read();
		const timer = setInterval(read, 1500);
		return () => {
			current = false;
			clearInterval(timer);
		};
	}, [store, serviceId, active]);
	return active ? lines : [];
}
