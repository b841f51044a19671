/** Templates mixing Devanagari and Latin words in one message, as many people type on WhatsApp. */
import type { TemplateTable } from "./types.js";

export const MIXED: TemplateTable = {
  supply_cut: [
    "{dur} light नहीं है, please जल्दी ठीक करवाइए।",
    "Light हर 20 minute में trip हो रही है, inverter भी charge नहीं हो पा रहा।",
    "Transformer जल गया है, पूरी गली में {dur} power cut है।",
    "Voltage इतना low है कि AC और fridge दोनों बंद। Please check करें।",
    "{place} में {dur} supply नहीं है, कोई update नहीं।",
  ],
  pole_wire: [
    "घर तक आने वाली service cable कट-फट गई है, supply चल रही है पर कभी भी short हो सकता है। Please नई cable लगवाइए।",
    "{landmark} pole झुक गया है, कभी भी गिर सकता है। Urgent action लीजिए।",
    "गली में wires बहुत नीचे लटक रहे हैं, बच्चों के लिए danger है।",
  ],
  meter_jumping: [
    "रात भर सिर्फ पंखा चला और meter में {x} units बढ़ गए! Meter की testing करवाइए।",
    "Smart meter से दो दिन में {amt} कट गए, meter faulty है।",
    "Meter का display {days} दिन से blank है, replace कीजिए।",
  ],
  meter_reading: [
    "Reader {months} महीने से नहीं आया, अब अचानक {units} units जोड़कर bill भेज दिया।",
    "Reader आता ही नहीं, हर बार average bill बनता है। सही reading लीजिए।",
    "Bill में reading {units} है, meter में {units2}. Correct कीजिए।",
  ],
  bill_generation: [
    "Bill का SMS last date निकलने के बाद आता है, फिर late fee लग जाती है। Bill time पर generate कीजिए।",
    "Paytm से {amt} का smart meter recharge किया, {n} घंटे से balance update नहीं हुआ।",
    "{days} दिन पहले online payment किया, bill में अभी तक adjust नहीं हुआ।",
  ],
  connection_transfer: [
    "Connection दादी के नाम पर है, अब बेटे के नाम करवाना है। कौन से documents लगेंगे?",
    "Name change का application {months} महीने से pending है, कोई update नहीं।",
  ],
  other: [
    "नया connection चाहिए, online apply कैसे करें?",
    "{landmark} लोग hook लगाकर bijli चोरी कर रहे हैं। Action लीजिए।",
    "Thank you बिजली विभाग, कल रात storm के बाद जल्दी supply चालू हुई।",
  ],
  vague: ["Please कुछ कीजिए, बहुत परेशानी है।", "Sir कोई तो सुनो!!", "फिर वही problem, हद है।"],
  storm: [
    "Storm के बाद से light नहीं है, पेड़ गिरा है wire पर।",
    "आंधी में wire टूट गया, पूरा area dark है।",
    "Toofan के बाद से supply बंद, pole भी गिर गया।",
  ],
};
