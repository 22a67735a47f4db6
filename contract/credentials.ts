// A REST user's name and password: what a client logs in with (HTTP Basic on GET /api/authentication).
// The emulator's accounts add a role to it; the suite's settings and the client carry it as it is.
export interface Credentials {
  username: string;
  password: string;
}
