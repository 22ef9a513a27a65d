import { definePolicy, publicAccess } from '../../http/access.js';

export const documentsPolicy = definePolicy({
  lookup: publicAccess('authenticity check of a generated act by its printed code: metadata and SHA-256 only, no content'),
  verify: publicAccess('anyone holding a copy of an act may check it against the issued SHA-256; the file is hashed, never stored'),
});
