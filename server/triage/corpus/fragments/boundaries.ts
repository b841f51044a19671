import type { Label } from "../../model.js";
import { paraphraseCores } from "./paraphrases.js";
import type { Cores } from "./types.js";

/**
 * Templates for the cases the first model got wrong on independently written complaints (issue 14):
 * negation and praise that mention cuts or transformers, theft, reconnection after paying dues,
 * a reading date on the bill with no reader, a burnt meter with a burnt service cable, jokes and
 * retweets. Each boundary is written from both sides so the model learns the rule, not a word.
 * Written for this project from LABELS.md; none paraphrases a line of the shared sample.
 */
export const boundaryCores: Record<Label, Cores> = {
  other: {
    hi: [
      "{ट्रांसफार्मर|डीटी} {बदलने|बदलवाने} के लिए {धन्यवाद|शुक्रिया|आभार}, अब {बिजली ठीक आ रही है|वोल्टेज सही है|कोई दिक्कत नहीं}",
      "इस {हफ्ते|महीने} {एक भी कटौती नहीं हुई|बिजली एक बार भी नहीं गई}, {विभाग को बधाई|बहुत अच्छा लगा} 👏",
      "अब सप्लाई ठीक है, {शिकायत बंद कर दें|कोई समस्या नहीं है}, {धन्यवाद|जल्दी काम के लिए शुक्रिया}",
      "बकाया {जमा कर दिया है|पूरा भर दिया}, रसीद भी है, {कनेक्शन दोबारा जुड़वाना है|लाइन फिर से जोड़ दीजिए|रीकनेक्शन कब होगा}",
      "{दुकानदार|पड़ोसी|एक फैक्ट्री वाला} मीटर में {चुंबक लगाकर|बायपास करके} बिजली चोरी कर रहा है, {जांच कराएं|छापा डालें}",
      "गांव में {कई लोग|आधे घर} {कटिया|हुक} डालकर बिजली {चुरा रहे हैं|जला रहे हैं}, {विजिलेंस भेजें|कार्रवाई हो}",
      "बिजली और तनख्वाह दोनों महीने में एक बार आती हैं 😂",
      "{पावर हाउस|उपकेंद्र} पर {कोई फोन नहीं उठाता|कर्मचारी सोते रहते हैं|ऑपरेटर गाली देता है}, {उन पर कार्रवाई करें|शिकायत दर्ज करें}",
      "एक बार {ओटीएस योजना|एकमुश्त समाधान योजना} की {अंतिम तिथि|जानकारी} क्या है?",
      "{बिजली मित्र|झटपट पोर्टल} पर {रजिस्ट्रेशन|लॉगिन} कैसे करें?",
      "कुछ कीजिए, बहुत परेशानी है",
      "मुझे वापस फोन कीजिए, ज़रूरी बात है",
    ],
    hinglish: [
      "{transformer|DT} badalne ke liye {thanks|dhanyawad|shukriya} {JE sahab|team|vibhag}, ab {light sahi aa rahi|voltage theek hai}",
      "RT agar aapke {area|mohalle} me bhi is {hafte|mahine} {ek bhi cut nahi laga|light nahi gayi} 🙌",
      "is {hafte|baar} {koi katauti nahi|light ek baar bhi nahi gayi}, {mast|badhiya} kaam {UPPCL|bijli vibhag}",
      "supply {theek hai|sahi hai} ab, {complaint band kar do|koi dikkat nahi}, {thanks|dhanyawad}",
      "bakaya {jama kar diya|pura bhar diya} {kal|<d> din pehle}, {connection dobara jodo|reconnection kab hoga|line jodne koi nahi aaya}",
      "{padosi|dukandar|factory wala} meter me {magnet laga ke|bypass karke} {bijli chori|chori} kar raha, {raid karo|check karo}",
      "{gaon|basti} me {log|sab} katiya {daal ke|laga ke} bijli chala rahe, {vigilance bhejo|action lo}",
      "RT @{bijli_memes|desi_jokes}: bijli aur {salary|mehman} dono kabhi bhi aa jaate hai 😂😂",
      "{substation|power house} wale phone hi nahi uthate, {operator|SSO} {badtameezi karta|sota rehta}, action lo",
      "OTS scheme ki {last date|jankari} kya hai? {kaise apply kare|kahan milega}",
      "{light|bijli} gayi hi nahi {aaj|is hafte}, {bas tareef karne|shukriya bolne} ke liye message kiya 😊",
      "kuch karo, bahut pareshani hai",
      "mujhe call back karo, zaroori baat hai",
    ],
    en: [
      "thank you for replacing the {burnt transformer|DT} {so quickly|within a day}, {supply is perfect now|no problems since}",
      "RT if your {area|colony} also had no {power cuts|cuts} this week 🙌",
      "{not a single|zero} power cut in our {area|colony} this {week|month}, {kudos to the team|well done}",
      "supply is fine now, {please close my complaint|no further issue}, thanks",
      "I have paid all {arrears|dues} {yesterday|last week}, {please reconnect my supply|when will the connection be restored|nobody has come to reconnect}",
      "{a shop|my neighbour|a factory} is {bypassing the meter|using a magnet on the meter} to steal power, please {raid|inspect} it",
      "half the {village|colony} runs on hooked wires, {theft|power theft} goes on openly, please send the enforcement team",
      "electricity and my salary, both arrive once a month 😂",
      "the {substation operator|staff at the power house} {never picks up the phone|was abusive}, please take action",
      "what is the last date of the one-time settlement scheme for arrears?",
      "{no cuts|no outage} {today|this week} {at all|either}, just wanted to say thanks",
      "do something, we are really troubled",
      "call me back, it is urgent",
    ],
    agentEn: [
      "Caller thanked the department for replacing the {DT|transformer}; no complaint",
      "Consumer paid pending dues and asks for reconnection of the disconnected supply; receipt shared",
      "Caller reported meter tampering with a magnet by a {shopkeeper|neighbour}; referred to vigilance",
      "Caller complained that the substation phone is never answered; forwarded to XEN",
      "Caller called to say supply is now fine and to close the earlier complaint",
      "Caller asked about the OTS scheme for arrears; information given",
    ],
    agentHl: [
      "Caller ne {transformer|DT} badalne ke liye dhanyawad diya, koi shikayat nahi",
      "Caller ne bakaya jama kar diya hai, connection dobara jodne ki maang",
      "Caller ne bataya {dukandar|padosi} meter bypass karke chori kar raha, vigilance ko bheja",
      "Caller ne bataya supply ab theek hai, purani complaint band karne ko kaha",
    ],
  },
  supply_cut: {
    hi: [
      "{ट्रांसफार्मर|डीटी} {जल गया|फुंक गया} है, <n> {दिन|घंटे} से बिजली नहीं है, {बदलवाइए|ठीक कराइए}",
      "सप्लाई ठीक नहीं है, {वोल्टेज बहुत कम है|बार-बार ट्रिप हो रही है}, {पंखा तक नहीं चलता|मोटर नहीं चलती}",
      "<h> घंटे से बिजली नहीं है, {कोई कटौती का शेड्यूल भी नहीं था|रोस्टर से ज्यादा कटौती हो रही है}",
    ],
    hinglish: [
      "{transformer|DT} {jal gaya|phunk gaya}, <n> {din|ghante} se light nahi, {badlo|jaldi lagao}",
      "supply theek nahi hai, {voltage bahut kam|baar baar trip ho rahi}, {fan bhi nahi chal raha|motor nahi chalti}",
      "is hafte {roz|har raat} <h> ghante ka cut lag raha, roster me itna nahi hai",
    ],
    en: [
      "the {transformer|DT} {burnt|blew up} {last night|<d> days ago} and we have had no power since, please replace it",
      "supply is not fine, {voltage is very low|it keeps tripping}, {fans barely turn|the pump will not start}",
      "we have had {cuts|outages} of <h> hours every day this week, far beyond the roster",
    ],
    agentEn: ["Caller reports DT burnt, no supply for <n> hours in the colony; line staff informed"],
    agentHl: ["Caller ke gaon ka transformer phunk gaya, <n> ghante se andhera"],
  },
  meter_reading: {
    hi: [
      "बिल पर रीडिंग की तारीख <d> लिखी है पर {कोई रीडर आया ही नहीं|उस दिन कोई नहीं आया}, {सही रीडिंग लें|मीटर पढ़वाएं}",
      "{मीटर रीडर|रीडर} <n> महीने से नहीं आया, {औसत|अनुमानित} बिल आ रहा है, रीडिंग लेने भेजें",
      "ऐप में {खुद की रीडिंग|सेल्फ रीडिंग} डाली तो {रिजेक्ट|अस्वीकार} हो गई, {रीडिंग दर्ज करें|रीडर भेजें}",
    ],
    hinglish: [
      "bill pe reading date <d> tarikh likhi hai par {koi aaya hi nahi|reader aaya hi nahi}, {sahi reading lo|reading karwao}",
      "reader ne {padosi ka|dusre ka} meter padh ke mera bill bana diya, {mera meter padho|reading theek karo}",
      "<n> mahine se {reader nahi aaya|reading nahi hui}, {average|NR} bill aa raha, reading lene bhejo",
    ],
    en: [
      "the bill shows a reading date of the {5th|15th|20th} but {no reader came|nobody visited} that day; please take an actual reading",
      "the reader {copied my neighbour's reading|read someone else's meter} into my bill, please read my meter",
      "my bill says {NR|estimated|average} again because {no reading was taken|the reader never comes}; send someone to read the meter",
    ],
    agentEn: [
      "Caller says bill shows reading date but no reader visited; wants actual reading taken",
    ],
    agentHl: ["Caller ka kehna bill me reading date hai par reader aaya hi nahi, reading chahiye"],
  },
  bill_generation: {
    hi: [
      "{बकाया|पिछला बकाया} जमा करने के बाद भी बिल में {फिर से जुड़कर आया|दिख रहा है}, {बिल सही करें|संशोधन करें}",
      "ऑनलाइन भुगतान किया पर {खाते में नहीं दिखा|जमा नहीं हुआ} और इसी वजह से {कनेक्शन काट दिया|लाइन काट दी}, भुगतान दर्ज करें",
      "{रीडिंग सही है|रीडिंग पर कोई विवाद नहीं} पर बिल की {राशि|रकम} {गलत|बहुत ज्यादा} जोड़ी गई है",
    ],
    hinglish: [
      "bakaya bhar diya tha phir bhi bill me {dobara jud ke aaya|arrears dikha raha}, bill theek karo",
      "online payment kiya par {account me nahi dikha|credit nahi hua}, isi wajah se {line kaat di|connection kaat diya}, payment chadhao",
      "reading {sahi hai|theek hai} par bill ka amount {galat|bahut zyada} lagaya hai, {surcharge|fixed charge} galat hai",
    ],
    en: [
      "the arrears I cleared {last month|under OTS} are added to my bill again, please correct the bill",
      "I paid online but the payment {was not credited|is not showing}, and {my supply was cut|they disconnected me} for non-payment; please post the payment",
      "the reading on the bill is correct but the amount {is wrong|includes a wrong surcharge}, please revise",
    ],
    agentEn: ["Caller's online payment not posted; supply disconnected for non-payment; wants payment updated"],
    agentHl: ["Caller ka payment account me nahi chadha, isliye line kaat di, payment update chahiye"],
  },
  meter_jumping: {
    hi: [
      "मीटर और {सर्विस केबल|सर्विस तार} दोनों जल गए, {बिजली बंद है|सप्लाई नहीं है}, {नया मीटर लगाइए|मीटर बदलिए}",
      "मीटर {जलकर|पिघलकर} बंद हो गया, {केबल भी काली पड़ गई|तार भी जल गया}, नया मीटर चाहिए",
    ],
    hinglish: [
      "meter aur service {cable|wire} dono jal gaye, {light band hai|supply nahi}, {naya meter lagao|meter badlo}",
      "meter {jal ke|pighal ke} band ho gaya, {cable bhi kaali ho gayi|tar bhi jala}, meter replace karo",
    ],
    en: [
      "the meter {burnt out|caught fire} along with the service cable, {no supply since|house is dark}, please replace the meter",
      "burnt meter and {a burnt|a melted} service wire at the board, please install a new meter",
    ],
    agentEn: ["Caller reports meter burnt along with service cable; supply off; meter replacement needed"],
    agentHl: ["Caller ne bataya meter aur service cable dono jal gaye, meter badalna hai"],
  },
  pole_wire: {
    hi: [
      "{सर्विस केबल|सर्विस तार} {कट-फट|पुराना होकर फट} गया है, {सप्लाई चल रही है|बिजली आ रही है} पर {करंट का खतरा है|चिंगारी निकलती है}, केबल बदलें",
    ],
    hinglish: [
      "service {cable|wire} {kat phat|purana ho ke phat} gaya hai, {light aa rahi|supply chal rahi} par {spark|current ka khatra}, cable badlo",
    ],
    en: [
      "the service cable to my house is {cracked|worn through}, supply is on but it {sparks|is dangerous}, please replace the cable",
    ],
    agentEn: ["Caller reports worn service cable sparking; supply on; cable replacement requested"],
    agentHl: ["Caller ka service cable phat gaya, supply chal rahi par spark, cable badalna hai"],
  },
  connection_transfer: { hi: [], hinglish: [], en: [], agentEn: [], agentHl: [] },
};

/** One label's cores with the boundary templates and the second wordings appended (in that order, so template ids stay put). */
export function withBoundaries(label: Label, cores: Cores): Cores {
  const extras = [boundaryCores[label], paraphraseCores[label]];
  const join = (pool: keyof Cores): string[] => [...cores[pool], ...extras.flatMap((e) => e[pool])];
  return {
    hi: join("hi"),
    hinglish: join("hinglish"),
    en: join("en"),
    agentEn: join("agentEn"),
    agentHl: join("agentHl"),
  };
}
