/** Tables of the public page's contacts (see migration.ts). */

/** An officer whose phone number an administrator published; absent: the number stays inside. */
export interface PublicOfficerPhoneTable {
  officer_id: string;
  published_by: string;
  published_at: string;
}

/** A unit's fuse-call (local complaint) centre number. */
export interface FuseCallCentreTable {
  unit_id: string;
  phone: string;
  updated_by: string;
  updated_at: string;
}
