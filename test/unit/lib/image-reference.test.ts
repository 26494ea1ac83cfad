import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {formatImageReference, parseImageReference, parseTagTarget} from '../../../source/lib/image-reference.js';

const parsed = (text: string) => {
	const check = parseImageReference(text);
	assert.ok(check.ok, `${text}: ${check.ok ? '' : check.message}`);
	return check.reference;
};
const problem = (text: string) => {
	const check = parseImageReference(text);
	assert.ok(!check.ok, `${text} should be rejected`);
	return check.message;
};

describe('image references (distribution reference grammar)', () => {
	it('splits domain, path, tag and digest', () => {
		assert.deepEqual(parsed('busybox'), {domain: undefined, path: 'busybox', tag: undefined, digest: undefined, repository: 'busybox'});
		assert.equal(parsed('team/app:1.2').tag, '1.2');
		assert.equal(parsed('team/app:1.2').domain, undefined, 'a lower-case first part without . or : is a Docker Hub path');
		const remote = parsed('registry.example.com:5000/team/app:v1');
		assert.equal(remote.domain, 'registry.example.com:5000');
		assert.equal(remote.path, 'team/app');
		assert.equal(remote.tag, 'v1');
		assert.equal(parsed('localhost/app').domain, 'localhost');
		assert.equal(parsed('localhost:5000/app').repository, 'localhost:5000/app');
		assert.equal(parsed('[::1]:5000/app:1').domain, '[::1]:5000');
		const digest = `sha256:${'a'.repeat(64)}`;
		assert.equal(parsed(`app@${digest}`).digest, digest);
		assert.equal(parsed(`app:1@${digest}`).tag, '1');
	});

	it('reads "name:5000" as a tag, as the engine does, since no slash follows', () => {
		assert.equal(parsed('localhost:5000').tag, '5000');
	});

	it('accepts the separators the grammar allows', () => {
		for (const name of ['a.b', 'a_b', 'a__b', 'a-b', 'a---b', 'x/y.z_w__v-u']) parsed(name);
	});

	it('says which part is wrong', () => {
		assert.match(problem(''), /empty/);
		assert.match(problem('Busybox'), /must be lowercase: "Busybox"/);
		assert.match(problem('team/App'), /lowercase/);
		assert.match(problem('app:'), /tag after ":" is empty/);
		assert.match(problem('app:.hidden'), /must start with a letter, digit or underscore/);
		assert.match(problem(`app:${'x'.repeat(129)}`), /at most 128/);
		assert.match(problem('app:a/b'), /registry port "a" in "app:a"/, 'a colon before a slash belongs to a registry port');
		assert.match(problem('app@sha256:123'), /digest "sha256:123"/);
		assert.match(problem('team//app'), /empty part/);
		assert.match(problem('team/-app'), /start and end/);
		assert.match(problem('app_'), /start and end/);
		assert.match(problem('a.-b'), /bad separator/);
		assert.match(problem('team/ap$p'), /contains "\$"/);
		assert.match(problem('my host/app'), /white space/);
		assert.match(problem('registry.example.com:port/app'), /port "port"/);
		assert.match(problem('bad_host.com/app'), /registry host part "bad_host"/);
		assert.match(problem('a'.repeat(64).replace(/a/g, 'f')), /looks like an image id/);
		assert.match(problem(`x/${'a'.repeat(260)}`), /at most 255/);
		for (const text of ['Busybox', 'app:']) assert.match(problem(text), /^invalid image reference: /);
	});

	it('makes tag targets: latest by default, no digest', () => {
		const check = parseTagTarget('team/app');
		assert.ok(check.ok);
		assert.equal(formatImageReference(check.reference), 'team/app:latest');
		const withDigest = parseTagTarget(`team/app@sha256:${'b'.repeat(64)}`);
		assert.ok(!withDigest.ok);
		assert.match(withDigest.message, /cannot carry a digest/);
	});
});
