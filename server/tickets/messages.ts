import { CATEGORIES, type CategoryId } from "../../shared/domain.js";

/** What we say to consumers and officers, in Hindi first and then English (SMS/WhatsApp text). */

export function ticketAckText(
  number: string,
  category: CategoryId | null,
  otp: string,
  trackUrl: string,
): string {
  const cat = category ? CATEGORIES[category] : null;
  return [
    `आपकी शिकायत संख्या ${number} दर्ज हो गई है${cat ? ` (${cat.hi})` : ""}। समाधान होने पर ही यह OTP बताएँ: ${otp}`,
    `Your complaint ${number} is registered${cat ? ` (${cat.en})` : ""}. Share this OTP only once the problem is fixed: ${otp}`,
    `Status / स्थिति: ${trackUrl}`,
  ].join("\n");
}

export function feedbackRequestText(number: string, trackUrl: string): string {
  return [
    `शिकायत ${number} का समाधान दर्ज किया गया है। क्या आपकी समस्या ठीक हुई? उत्तर दें: हाँ / नहीं, और 1-5 रेटिंग।`,
    `Complaint ${number} has been marked resolved. Is the problem fixed? Reply YES or NO and a rating 1-5.`,
    trackUrl,
  ].join("\n");
}

export function askPlacementText(number: string): string {
  return [
    `शिकायत ${number}: कृपया अपना 10 अंकों का खाता संख्या (account number) भेजें या लोकेशन पिन साझा करें।`,
    `Complaint ${number}: please send your 10-digit account number or share a location pin.`,
  ].join("\n");
}

export function escalationText(number: string, level: number, reason: string): string {
  return `Nigrani: complaint ${number} escalated to you (level ${level}): ${reason}. शिकायत ${number} आपको अग्रेषित (स्तर ${level})।`;
}

export function assignmentText(number: string, excerpt: string): string {
  return `Nigrani: complaint ${number} assigned to you: ${excerpt}. शिकायत ${number} आपको सौंपी गई।`;
}
