// Apart from ./upload-client.ts, so a page that only words a failure (the
// receipt uploader, whose sending code comes on demand) does not load it.

/** Why no answer came, as a key of the catalog's `errors`. */
export function noAnswerReason(): "upload_offline" | "upload_network" {
  return navigator.onLine === false ? "upload_offline" : "upload_network";
}
