// Size limits of plugin uploads. "The size of the .zip file is limited to 20 megabytes" (seed 000);
// megabyte read as MiB (inferred). The inflate caps guard against compression bombs (inferred).
export const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;
/** The most the entries of one plugin may inflate to, all together. */
export const INFLATED_LIMIT_BYTES = 64 * 1024 * 1024;
/** The highest inflated:compressed ratio one entry may have (above 1 MiB inflated). */
export const MAX_COMPRESSION_RATIO = 200;
/** The ratio rule only applies once an entry has inflated past this many bytes. */
export const RATIO_THRESHOLD_BYTES = 1024 * 1024;

/** The caps inspectPlugin applies; tests may lower them to exercise the bomb rule cheaply. */
export interface InspectLimits {
  uploadBytes: number;
  inflatedBytes: number;
  compressionRatio: number;
  ratioThresholdBytes: number;
}

export const DEFAULT_LIMITS: InspectLimits = {
  uploadBytes: UPLOAD_LIMIT_BYTES,
  inflatedBytes: INFLATED_LIMIT_BYTES,
  compressionRatio: MAX_COMPRESSION_RATIO,
  ratioThresholdBytes: RATIO_THRESHOLD_BYTES,
};
