// Size limits of plugin uploads. "The size of the .zip file is limited to 20 megabytes" (seed 000);
// megabyte read as MiB (inferred). The inflate caps guard against compression bombs (inferred).
export const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;
/** The most the entries of one plugin may inflate to, all together. */
export const INFLATED_LIMIT_BYTES = 64 * 1024 * 1024;
/** The highest inflated:compressed ratio one entry may have (above 1 MiB inflated). */
export const MAX_COMPRESSION_RATIO = 200;
