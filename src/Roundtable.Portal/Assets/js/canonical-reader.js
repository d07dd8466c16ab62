// Reads Roundtable's canonical binary encoding (docs/encoding.md): minimal LEB128 varints,
// length-prefixed strings and bytes, fixed 32-byte hashes. Every malformed input throws a
// DecodeError naming what was being read, as the C# CanonicalReader does.

export class DecodeError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export class CanonicalReader {
  constructor(bytes) {
    this.bytes = bytes;
    this.position = 0;
  }

  get remaining() {
    return this.bytes.length - this.position;
  }

  ensureEnd() {
    if (this.remaining !== 0) {
      throw new DecodeError(`${this.remaining} unexpected byte(s) after the end.`);
    }
  }

  byte(what = 'byte') {
    if (this.remaining < 1) {
      throw new DecodeError(`Input ends before the ${what}.`);
    }
    return this.bytes[this.position++];
  }

  fixed(length, what = 'field') {
    if (this.remaining < length) {
      throw new DecodeError(`Input ends inside the ${what}.`);
    }
    const slice = this.bytes.subarray(this.position, this.position + length);
    this.position += length;
    return slice;
  }

  // A minimal LEB128 varint as a BigInt (values up to 2^64 - 1).
  bigVarint(what = 'number') {
    let value = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (shift > 63n) {
        throw new DecodeError(`The ${what} is longer than 64 bits.`);
      }
      const b = this.byte(what);
      value |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) {
        if (b === 0 && shift > 0n) {
          throw new DecodeError(`The ${what} is not minimally encoded.`);
        }
        if (value > 0xffffffffffffffffn) {
          throw new DecodeError(`The ${what} does not fit in 64 bits.`);
        }
        return value;
      }
    }
  }

  // A varint no larger than max (a safe integer), as a Number.
  varint(what = 'number', max = Number.MAX_SAFE_INTEGER) {
    const value = this.bigVarint(what);
    if (value > BigInt(max)) {
      throw new DecodeError(`The ${what} ${value} is above its limit ${max}.`);
    }
    return Number(value);
  }

  length(max, what) {
    return this.varint(what, max);
  }

  bytesField(maxLength, what) {
    return this.fixed(this.length(maxLength, what + ' length'), what);
  }

  string(maxBytes, what) {
    try {
      return utf8.decode(this.bytesField(maxBytes, what));
    } catch (e) {
      if (e instanceof DecodeError) throw e;
      throw new DecodeError(`The ${what} is not valid UTF-8.`);
    }
  }

  hash(what = 'hash') {
    return this.fixed(32, what);
  }

  optionalMarker(what = 'optional marker') {
    const marker = this.byte(what);
    if (marker > 1) {
      throw new DecodeError(`The ${what} is ${marker}, not 0 or 1.`);
    }
    return marker === 1;
  }
}
