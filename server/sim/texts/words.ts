/**
 * The variable parts of simulated complaints: localities, villages, landmarks, handles, hashtags
 * and emoji, each as [Latin, Devanagari] so a text stays in one script. The localities are names
 * common to many UP and Bihar towns, so none claims a district the feeder is not in.
 */

export type Pair = readonly [en: string, hi: string];

export const TOWN_LOCALITIES: readonly Pair[] = [
  ["Civil Lines", "सिविल लाइंस"],
  ["Station Road", "स्टेशन रोड"],
  ["Sadar Bazar", "सदर बाज़ार"],
  ["Ram Nagar", "राम नगर"],
  ["Shastri Nagar", "शास्त्री नगर"],
  ["Indira Nagar", "इंदिरा नगर"],
  ["Rajendra Nagar", "राजेंद्र नगर"],
  ["Azad Nagar", "आज़ाद नगर"],
  ["Gandhi Nagar", "गांधी नगर"],
  ["Tilak Nagar", "तिलक नगर"],
  ["Subhash Nagar", "सुभाष नगर"],
  ["Nai Basti", "नई बस्ती"],
  ["Purani Basti", "पुरानी बस्ती"],
  ["Kashiram Colony", "काशीराम कॉलोनी"],
  ["Awas Vikas Colony", "आवास विकास कॉलोनी"],
  ["Jail Road", "जेल रोड"],
  ["Kachahri Road", "कचहरी रोड"],
  ["Chowk", "चौक"],
  ["Patel Nagar", "पटेल नगर"],
  ["Nehru Nagar", "नेहरू नगर"],
  ["Prem Nagar", "प्रेम नगर"],
  ["Shivaji Nagar", "शिवाजी नगर"],
  ["Kamla Nagar", "कमला नगर"],
  ["Jawahar Nagar", "जवाहर नगर"],
  ["Railway Colony", "रेलवे कॉलोनी"],
  ["Police Line", "पुलिस लाइन"],
  ["Mandi Samiti Road", "मंडी समिति रोड"],
  ["Qazi Tola", "काज़ी टोला"],
  ["Mohalla Kot", "मोहल्ला कोट"],
  ["Vikas Nagar", "विकास नगर"],
];

export const VILLAGES: readonly Pair[] = [
  ["Rampur", "रामपुर"],
  ["Kishanpur", "किशनपुर"],
  ["Madhopur", "माधोपुर"],
  ["Bhawanipur", "भवानीपुर"],
  ["Mahuli", "महुली"],
  ["Belwa", "बेलवा"],
  ["Pakri", "पकड़ी"],
  ["Semra", "सेमरा"],
  ["Gopalpur", "गोपालपुर"],
  ["Chandpur", "चांदपुर"],
  ["Narayanpur", "नारायणपुर"],
  ["Sonbarsa", "सोनबरसा"],
  ["Bairiya", "बैरिया"],
  ["Khajuri", "खजुरी"],
  ["Majhauli", "मझौली"],
  ["Tikri", "टिकरी"],
  ["Parsa", "परसा"],
  ["Amwa", "अमवा"],
  ["Naugawan", "नौगवां"],
  ["Salarpur", "सलारपुर"],
  ["Dhanghata", "धनघटा"],
  ["Karaundi", "करौंदी"],
];

/** [English, romanised Hindi, Devanagari] */
export const LANDMARKS: readonly (readonly [string, string, string])[] = [
  ["near the water tank", "paani ki tanki ke paas", "पानी की टंकी के पास"],
  ["behind the primary school", "primary school ke peeche", "प्राथमिक विद्यालय के पीछे"],
  ["near the Hanuman mandir", "Hanuman mandir ke paas", "हनुमान मंदिर के पास"],
  ["opposite the petrol pump", "petrol pump ke saamne", "पेट्रोल पंप के सामने"],
  ["near the masjid", "masjid ke paas", "मस्जिद के पास"],
  ["near the government hospital", "sarkari aspatal ke paas", "सरकारी अस्पताल के पास"],
  ["next to the tube well", "tube well ke bagal me", "ट्यूबवेल के बगल में"],
  ["near the panchayat bhawan", "panchayat bhawan ke paas", "पंचायत भवन के पास"],
  ["at the main crossing", "chauraha pe", "चौराहे पर"],
  ["near the bank", "bank ke paas", "बैंक के पास"],
];

/** Names people write instead of the gazetteer's district name (LABELS.md maps them back). */
export const DISTRICT_ALIASES: Readonly<Record<string, readonly Pair[]>> = {
  "Kanpur Nagar": [["Kanpur", "कानपुर"]],
  "Gautam Buddha Nagar": [
    ["Noida", "नोएडा"],
    ["Greater Noida", "ग्रेटर नोएडा"],
  ],
  "Lakhimpur Kheri": [["Lakhimpur", "लखीमपुर"]],
  Prayagraj: [["Allahabad", "इलाहाबाद"]],
  Ayodhya: [["Faizabad", "फैज़ाबाद"]],
  "Sant Ravidas Nagar": [["Bhadohi", "भदोही"]],
  Bhojpur: [["Ara", "आरा"]],
  Rohtas: [["Sasaram", "सासाराम"]],
  Saran: [["Chhapra", "छपरा"]],
  Vaishali: [["Hajipur", "हाजीपुर"]],
  Jalaun: [["Orai", "उरई"]],
};

/** X handles each discom answers on (UPPCL's Lucknow handle is tagged for any UP discom). */
export const HANDLES: Readonly<Record<string, readonly string[]>> = {
  MVVNL: ["@MVVNLofficial", "@UPPCLLKO"],
  PVVNL: ["@PVVNL", "@UPPCLLKO"],
  DVVNL: ["@DVVNL_Agra", "@UPPCLLKO"],
  PuVVNL: ["@PuVVNL", "@UPPCLLKO"],
  KESCO: ["@kescoknp", "@UPPCLLKO"],
  NPCL: ["@UPPCLLKO"],
  TORRENT: ["@DVVNL_Agra"],
  NBPDCL: ["@NBPDCL"],
  SBPDCL: ["@SBPDCL_"],
  OTHER: ["@UPPCLLKO"],
};

export const HASHTAGS_LATIN: readonly string[] = [
  "#PowerCut",
  "#BijliKatauti",
  "#UPPCL",
  "#Heatwave",
  "#NoElectricity",
  "#Bijli",
];
export const HASHTAGS_HI: readonly string[] = ["#बिजली", "#बिजली_कटौती", "#बिजली_संकट", "#गर्मी"];
export const HASHTAGS_STORM: readonly string[] = ["#Storm", "#Aandhi", "#आंधी", "#PowerCut"];

export const EMOJI_ANGRY: readonly string[] = ["😡", "😤", "🥵", "😓", "🔥", "⚡", "🙏", "😞"];
export const EMOJI_POLITE: readonly string[] = ["🙏", "🙏🙏", "😊", "👍"];

/** Openings and closings of web and app forms, which people write more formally. */
export const FORMAL: Readonly<
  Record<"en" | "hi", { open: readonly string[]; close: readonly string[] }>
> = {
  en: {
    open: ["Respected Sir,", "Dear Sir/Madam,", "Sir,", ""],
    close: ["Kindly resolve at the earliest.", "Please do the needful.", "Thanks.", ""],
  },
  hi: {
    open: ["महोदय,", "आदरणीय अधिकारी जी,", "श्रीमान,", ""],
    close: ["कृपया शीघ्र समाधान करें।", "आपकी अति कृपा होगी।", "धन्यवाद।", ""],
  },
};

/** How an officer notes a complaint taken on their own phone or at the counter. */
export const OFFICER_PREFIX: Readonly<
  Record<"officer_phone" | "walk_in", Readonly<Record<"en" | "hinglish" | "hi", readonly string[]>>>
> = {
  officer_phone: {
    en: ["Consumer called JE directly:", "Call on SDO's mobile:"],
    hinglish: ["JE sahab ko phone pe bataya:", "SDO ke mobile pe call aaya:"],
    hi: ["अवर अभियंता को फोन पर सूचना:", "उपखंड अधिकारी के मोबाइल पर शिकायत:"],
  },
  walk_in: {
    en: ["Walk-in at sub-division office:", "Consumer visited the office:"],
    hinglish: ["Upbhokta khud office aaye:", "Counter pe shikayat:"],
    hi: ["उपभोक्ता स्वयं कार्यालय आए:", "काउंटर पर प्राप्त शिकायत:"],
  },
};
