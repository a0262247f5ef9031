import type { ContactMethodType } from "@incidentops/db";
import { maskUrl } from "../masked-url.js";

// A contact method's address is personal data, and each of its person's orgs sees the paging
// history that names it: history shows only a masked form of it (decision 0058).

/** Enough for the person to tell which of theirs it was, not enough to reach them: "+****0100", "a****@example.com", "https://host/****". */
export function maskedAddress(type: ContactMethodType, address: string): string {
  switch (type) {
    case "sms":
    case "voice":
      return `+****${address.slice(-4)}`;
    case "email": {
      const at = address.lastIndexOf("@");
      return `${address.slice(0, 1)}****${address.slice(at)}`;
    }
    case "slack":
    case "webhook":
      return maskUrl(address);
  }
}
