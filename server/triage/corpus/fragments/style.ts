/**
 * Channel styles, side-notes and noise for the corpus builder: how a 1912 agent, a tweet, a
 * WhatsApp message and an app/portal form wrap the same complaint, and the typos people make.
 */
import type { Label } from "../../model.js";

/** A short aside about another topic; the label stays with the main ask (LABELS.md: two asks). */
export const sideNotes: Record<Label, { hi: string[]; latin: string[] }> = {
  supply_cut: { hi: ["बिजली भी बार-बार जाती है", "लाइट भी कटती रहती है"], latin: ["light bhi baar baar jaati hai", "power cuts are also frequent"] },
  pole_wire: { hi: ["गली का खंभा भी झुका है", "तार भी ढीले हैं"], latin: ["gali ka pole bhi jhuka hai", "the wires in the lane also sag"] },
  meter_jumping: { hi: ["मीटर भी पुराना है"], latin: ["meter bhi purana hai", "the meter is also old"] },
  meter_reading: { hi: ["रीडर भी कम आता है"], latin: ["reader bhi kabhi kabhi aata hai", "the reader also rarely comes"] },
  bill_generation: { hi: ["बिल भी ज़्यादा आता है"], latin: ["bill bhi zyada aata hai", "bills are also high"] },
  connection_transfer: { hi: ["कनेक्शन भी पिताजी के नाम है"], latin: ["connection bhi papa ke naam hai", "the connection is also in my late father's name"] },
  other: { hi: ["नया कनेक्शन भी लेना है"], latin: ["naya connection bhi lena hai", "I also want to know about rooftop solar"] },
};

export const handlesUp = ["@UPPCLLKO", "@PuVVNL_", "@MVVNL_LKO", "@PVVNL_Meerut", "@DVVNL_Official", "@UPPCL_Official", "@EnergyMinUP"];
export const handlesBr = ["@SBPDCL_", "@NBPDCL_", "@BSPHCL_", "@EnergyBihar"];
export const hashtags = ["#बिजली", "#powercut", "#UPPCL", "#बिजली_संकट", "#NoElectricity", "#helpless", "#UPElectricity", "#bijli"];

export const whatsappOpeners = ["sir ", "Sir ", "सर ", "namaste sir ", "नमस्ते सर ", "bhai ", "", "", "", "hello ", "sir ji ", "महोदय "];
export const whatsappClosers = ["", "", " 🙏", " 🙏🙏", " please", " pls", " jaldi karo", " जल्दी कराइए", "!!", "??", " 😡", " plz help"];
export const formOpenersEn = ["Respected Sir, ", "Dear Sir/Madam, ", "Sir, ", "To the SDO, ", "", "Complaint: ", "Kindly note: "];
export const formOpenersHi = ["महोदय, ", "श्रीमान जी, ", "आदरणीय अधिकारी जी, ", "सेवा में, ", "", "शिकायत: "];

/** Devanagari words that a mixed-script writer types in Latin. */
export const latinSwaps: Record<string, string[]> = {
  बिजली: ["light", "bijli"], लाइट: ["light"], मीटर: ["meter"], बिल: ["bill"], रीडिंग: ["reading"], सप्लाई: ["supply"],
  ट्रांसफार्मर: ["transformer", "DT"], वोल्टेज: ["voltage"], कनेक्शन: ["connection"], चेक: ["check"], कृपया: ["please", "Please"],
  नाम: ["name"], ट्रांसफर: ["transfer"], रिचार्ज: ["recharge"], बैलेंस: ["balance"], पोल: ["pole"], खंभा: ["pole"], तार: ["wire"],
  फ्यूज: ["fuse"], लाइनमैन: ["lineman"], स्मार्ट: ["smart"], यूनिट: ["units"], भुगतान: ["payment"], ऑनलाइन: ["online"],
  फेज: ["phase"], ट्रिप: ["trip"], केबल: ["cable"], जांच: ["check"], घंटे: ["hours"], दिन: ["din"], बकाया: ["arrear"],
  सरचार्ज: ["surcharge"], रीडर: ["reader"], लोड: ["load"], आवेदन: ["application"], डिस्प्ले: ["display"], टीम: ["team"],
};

/** Romanised words and the shorthand people type for them. */
export const latinVariants: Record<string, string[]> = {
  please: ["pls", "plz", "plse"], light: ["lite", "lait", "lyt"], bijli: ["bijlee", "bijly", "bjli", "bijali"],
  meter: ["mtr", "meetar", "metre"], nahi: ["nhi", "nai", "nahin", "nahee"], hai: ["h", "he", "hain"], kya: ["kia", "kyaa"],
  bahut: ["bohot", "bht", "bhut"], ghante: ["ghnte", "ghanta", "ghante"], raha: ["rha", "rahaa"], rahi: ["rhi"], account: ["a/c", "acct", "ac"],
  transformer: ["tranformer", "transfarmer", "trasformer"], supply: ["suply", "supplai"], electricity: ["electricty", "elctricity"],
  voltage: ["voltej", "voltag"], reading: ["redding", "reding"], connection: ["conection", "connecton"], karo: ["kro", "karo na"],
  sir: ["sirji", "sar"], jaldi: ["jldi", "jaldee"], problem: ["prob", "problm"], since: ["sinc"], months: ["mnths"], because: ["bcoz", "coz"],
};
