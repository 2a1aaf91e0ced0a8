// sm-crypto ships no types for its SM3 module alone (only `sm-crypto` as a whole is typed).
declare module 'sm-crypto/src/sm3/index.js' {
  /** The hex SM3 of a UTF-8 string or of bytes. */
  export default function sm3(input: string | ArrayLike<number>): string;
}
