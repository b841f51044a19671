import { createHmac } from "node:crypto";

/** A WhatsApp Cloud API delivery of `n` text messages from distinct consumers. */
export function whatsappDelivery(n: number, tag: string): string {
  const messages = Array.from({ length: n }, (_, i) => ({
    from: `9197${String(10_000_000 + i).slice(-8)}`,
    id: `wamid.${tag}.${String(i).padStart(5, "0")}`,
    timestamp: "1767225600",
    type: "text",
    text: { body: `Bijli nahi hai subah se, ${tag} message ${i}` },
  }));
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "1",
        changes: [{ field: "messages", value: { messaging_product: "whatsapp", messages } }],
      },
    ],
  });
}

export function signed(body: string, secret: string): Record<string, string> {
  return {
    "content-type": "application/json",
    "x-hub-signature-256": "sha256=" + createHmac("sha256", secret).update(body).digest("hex"),
  };
}
