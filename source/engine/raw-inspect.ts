import type Docker from 'dockerode';

/**
 * The engine's inspect JSON of a volume or a network, untouched, for the
 * "Raw JSON" tab of their detail views (the summaries keep only what the
 * panes show).
 */
export async function inspectVolumeJson(docker: Docker, name: string): Promise<unknown> {
	return docker.getVolume(name).inspect();
}

export async function inspectNetworkJson(docker: Docker, id: string): Promise<unknown> {
	return docker.getNetwork(id).inspect();
}
