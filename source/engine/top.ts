import type Docker from 'dockerode';

export interface ProcessTable {
	titles: string[];
	processes: string[][];
}

/** The container's processes, as `docker top` lists them (the engine runs ps on the host). */
export async function readTop(docker: Docker, id: string): Promise<ProcessTable> {
	const result = (await docker.getContainer(id).top()) as {Titles?: string[]; Processes?: string[][]};
	return {titles: result.Titles ?? [], processes: result.Processes ?? []};
}
