// Injected into the bundle in place of Intl.Segmenter (scripts/bundle.mjs).
// Five of the UI's dependencies create a segmenter when they load, and the
// first one created loads ICU's break-iterator data: ~17 ms of start-up for
// a screen that, with string-width's widened fast path, segments nothing.
// This one creates the real segmenter when first asked to segment.
const {Segmenter} = Intl;

export class LazySegmenter {
	#arguments;
	#segmenter;

	constructor(...segmenterArguments) {
		this.#arguments = segmenterArguments;
	}

	#real() {
		this.#segmenter ??= new Segmenter(...this.#arguments);
		return this.#segmenter;
	}

	segment(text) {
		return this.#real().segment(text);
	}

	resolvedOptions() {
		return this.#real().resolvedOptions();
	}

	static supportedLocalesOf(...localesArguments) {
		return Segmenter.supportedLocalesOf(...localesArguments);
	}
}
