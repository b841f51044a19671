import type { Label } from "../../model.js";
import type { Cores } from "./types.js";

/**
 * Second wordings of concepts that had a single template (found by training without one template
 * group at a time and reading what was lost): recharge not credited, smart meter blamed, name
 * correction, transfer documents and status, burnt meter, praise and greetings, reconnection,
 * theft, street lights, load change, new poles. Another voice per concept, so that the model learns
 * the concept and not one sentence. Written for this project; no line paraphrases the shared sample.
 */
export const paraphraseCores: Record<Label, Cores> = {
  bill_generation: {
    hi: [
      "{यूपीआई से|ऐप से} <amt> डाले, {बैंक से पैसे कट गए|पैसे चले गए} पर {मीटर में एक रुपया नहीं जुड़ा|प्रीपेड खाते में जमा नहीं दिखा}",
      "बिल का भुगतान {काउंटर पर|ऑनलाइन} कर दिया था, फिर भी {अगले बिल में बकाया दिख रहा है|भुगतान दर्ज नहीं हुआ}",
      "<n> महीने से {बिल नहीं आया|बिल बना ही नहीं}, {एसएमएस भी नहीं आया|ऐप में भी नहीं दिखता}, {एक साथ बड़ा बिल न आ जाए|बिल भेजें}",
      "बिल में {फिक्स्ड चार्ज|विलंब शुल्क|सरचार्ज} गलत लगा है, {समय पर भुगतान किया था|रीडिंग पर कोई आपत्ति नहीं}, {हटाएं|सुधारें}",
      "बिल में {टैरिफ|श्रेणी} {व्यावसायिक|कमर्शियल} लगा है जबकि कनेक्शन घरेलू है, बिल ठीक करें",
    ],
    hinglish: [
      "{paytm|phonepe|online} se <amt> ka recharge kiya, {paisa kat gaya|success dikha} par {balance nahi juda|meter me nahi aaya}",
      "bill {jama kar diya tha|bhar diya tha} phir bhi {agle bill me bakaya jud ke aaya|payment chadha nahi}, {theek karo|sudhaaro}",
      "<n> mahine se bill {aaya hi nahi|generate nahi hua}, {sms bhi nahi|app me bhi nahi dikh raha}, bill bhejo",
      "bill me {late fee|surcharge|fixed charge} galat laga, {time pe payment kiya tha|reading pe koi dikkat nahi}, hatao",
    ],
    en: [
      "recharged <amt> {through the app|via UPI}, money debited but {the meter balance never updated|no credit on the meter}",
      "{paid my bill at the counter|paid online} and it still shows as {unpaid|arrears} on this month's bill",
      "no bill {for <n> months|since the new meter}, {nothing on SMS or the app|please generate it before it piles up}",
      "a late payment surcharge was added though I paid before the due date, please remove it",
    ],
    agentEn: [
      "Caller's recharge of <amt> debited but not credited to the prepaid meter; transaction id shared",
      "Caller says bill not generated for <n> months; requests bill",
    ],
    agentHl: ["Caller ka recharge kat gaya par meter me balance nahi aaya, transaction ID di"],
  },
  meter_jumping: {
    hi: [
      "{स्मार्ट मीटर|नया मीटर} {बहुत तेज़ भाग रहा है|ज़्यादा यूनिट दिखा रहा है}, {मीटर की जांच कराएं|चेक मीटर लगाएं}",
      "<amt> का रिचार्ज <d> दिन में {खत्म|साफ} हो गया, {घर में सिर्फ पंखा चलता है|कोई भारी उपकरण नहीं}, मीटर {खराब लगता है|जांचें}",
      "मीटर {जलकर काला हो गया|फुंक गया}, {घर में अंधेरा है|लाइट गुल है}, {नया मीटर लगाएं|दूसरा मीटर दीजिए}",
      "मीटर की स्क्रीन {बंद है|कुछ नहीं दिखाती}, {मीटर खराब है|बदल दीजिए}",
    ],
    hinglish: [
      "smart meter {bahut tez bhaag raha|double unit dikha raha}, {meter check karo|check meter lagao}",
      "<amt> ka recharge <d> din me {khatam|saaf}, ghar me {bas ek fan|kuch bhi bhari nahi} chalta, meter {kharab hai|check karo}",
      "meter {jal gaya|se dhuan nikla}, {light bhi nahi|supply band}, {naya meter lagao|meter badlo}",
      "meter ki screen {blank hai|kuch nahi dikhati}, meter {badlo|kharab hai}",
    ],
    en: [
      "the smart meter {is racing|shows double the units} since it was fitted, please test it",
      "a <amt> recharge {lasted only <d> days|vanished in <d> days} with just a fan running, the meter must be faulty",
      "my meter {burnt|smoked and died} and there is no power, please {fit a new meter|replace the meter}",
    ],
    agentEn: ["Caller reports meter burnt, house without supply; requests meter replacement"],
    agentHl: ["Caller ka smart meter bahut tez chal raha, recharge jaldi khatam, meter check chahiye"],
  },
  connection_transfer: {
    hi: [
      "{कनेक्शन|खाता} {पिताजी|दादाजी|पुराने मालिक} के नाम पर है, {मेरे नाम करवाना है|नाम बदलवाना है}, {कौन से कागज़ लगेंगे|प्रक्रिया बताएं}",
      "नाम {परिवर्तन|बदलने} का आवेदन <n> दिन से {लंबित|पेंडिंग} है, {कोई जवाब नहीं|स्थिति बताएं}",
      "खाते में {धारक का नाम अधूरा है|नाम के अक्षर उलट-पुलट हैं}, {रिकॉर्ड में ठीक करें|नाम दुरुस्त करें}",
      "मकान {खरीदा है|बेटे के नाम किया है}, {कनेक्शन भी उसके नाम|बिजली कनेक्शन नए मालिक के नाम} करना है",
    ],
    hinglish: [
      "connection {papa|dada ji|purane malik} ke naam pe hai, {mere naam karwana|naam badalwana} hai, {kya documents lagenge|process batao}",
      "naam {badalne|transfer} ki application <n> din se pending hai, {koi jawab nahi|status batao}",
      "bill pe {naam ki spelling galat|naam galat chhapa} hai, naam {sahi karo|theek karwao}",
      "makaan {kharida hai|beche ke baad}, connection {naye malik|mere} ke naam karna hai",
    ],
    en: [
      "the connection is still in {my late father's|the previous owner's} name, I want it {in my name|transferred}, what documents do I need?",
      "my name change application has been pending for <n> days, {no response|please tell me the status}",
      "my name is {misspelt|printed wrongly} on the bill and the account, please correct the holder's name",
    ],
    agentEn: ["Caller wants name on connection changed after buying the house; documents explained"],
    agentHl: ["Caller ka naam transfer application <n> din se pending, status poocha"],
  },
  other: {
    hi: [
      "{नमस्ते|राम राम|सुप्रभात} {सर|जी} 🙏 {आपका दिन शुभ हो|जय हिंद}",
      "{गली|मोहल्ले} की {स्ट्रीट लाइट|खंभे वाली बत्ती} {बंद है|रात को नहीं जलती}, नगर {निगम|पालिका} से ठीक करवाएं",
      "{कर्मचारी|जेई साहब|लाइनमैन} ने {बहुत अच्छा काम किया|रात में आकर काम किया}, {धन्यवाद|बधाई}",
      "{बकाया|पूरा बिल} भर दिया है, {कटा हुआ कनेक्शन|लाइन} {कब जोड़ेंगे|दोबारा जोड़ दीजिए}",
      "{पड़ोसी|एक ढाबे वाला|कुछ लोग} {बिना मीटर|हुकिंग से} बिजली चला रहे हैं, {शिकायत दर्ज करें|जांच हो}",
      "लोड {बढ़वाने|घटाने} का आवेदन {कहां करें|कितने दिन में होगा}?",
      "{अस्थायी|कुछ दिन का} कनेक्शन {मेले|निर्माण कार्य} के लिए चाहिए",
      "{नया ट्रांसफार्मर लगा|ट्रांसफार्मर की मरम्मत हुई|लाइन ठीक हुई}, {अब वोल्टेज स्थिर है|तब से बिजली बढ़िया है}, {टीम का आभार|सबको धन्यवाद} 🙏",
      "{कोई|एक आदमी|ठेकेदार} {अवैध कनेक्शन|तार जोड़कर|लाइन में हुक फंसाकर} बिजली {चुरा रहा|चला रहा} है, {पकड़िए|रोक लगाइए}",
    ],
    hinglish: [
      "{namaste|ram ram|good morning} {sir|ji} 🙏 {aapka din shubh ho|jai hind}",
      "gali ki {street light|khambe wali batti} {band hai|raat ko nahi jalti}, nagar {nigam|palika} se theek karwao",
      "{JE sahab|lineman|team} ne {bahut accha kaam kiya|raat me aake theek kiya}, {dhanyawad|shabash}",
      "bill {pura bhar diya|jama kar diya}, {kata hua connection|line} {kab jodoge|dobara jod do}",
      "{padosi|dhabe wala|kuch log} {bina meter|hook laga ke} bijli chala rahe, {shikayat darj karo|jaanch karo}",
      "load {badhwane|kam karwane} ka {form|application} kahan bhare?",
      "{mele|construction} ke liye kuch din ka connection chahiye",
      "{naya transformer lag gaya|DT theek ho gaya|line sahi ho gayi}, {ab voltage stable hai|tab se light badhiya}, {team ko shukriya|sabka aabhar} 🙏",
      "{koi|ek aadmi|thekedar} {illegal connection|taar jod ke|line me hook fasa ke} bijli {chura raha|chala raha} hai, {pakdo|rok lagao}",
    ],
    en: [
      "{good morning|namaste|happy Diwali} to the whole team 🙏",
      "the {street lights|lamp posts} on our road {are off|don't work at night}, please ask the municipality",
      "{the lineman|the JE|your team} {did a great job|came at midnight and fixed it}, thank you",
      "I have cleared the dues, please {reconnect|restore} the disconnected connection",
      "{a dhaba|some houses|a neighbour} {run on hooked wires|use power without a meter}, please check",
      "where do I apply to {increase|reduce} my load and how long does it take?",
      "{a new transformer was installed|the DT was changed|the line was repaired} {on Sunday|yesterday} and {voltage is stable|supply has been good} since, thanks to the {crew|JE|team} 🙏",
      "{someone|a hotel|a contractor} is {tapping the line illegally|running an illegal connection|hooking the overhead line}, please {stop it|catch them}",
    ],
    agentEn: [
      "Caller greeted and disconnected; no complaint",
      "Caller reported street lights off on the main road; referred to municipality",
    ],
    agentHl: ["Caller ne lineman ki tareef ki, koi shikayat nahi", "Caller ke mohalle ki lamp post wali batti kharab, municipality ka kaam bataya"],
  },
  supply_cut: {
    hi: [
      "{सुबह|दोपहर|रात} से बिजली {गायब|गुल|नहीं} है, {कोई सुनने वाला नहीं|फोन कोई नहीं उठाता}, {जल्दी चालू करें|कब आएगी}",
      "{आंधी|बारिश} के बाद से {लाइन में फॉल्ट है|बिजली बंद है}, <h> घंटे हो गए",
      "फीडर <d> दिन से बंद है, {गांव अंधेरे में है|पानी की मोटर नहीं चल रही}",
    ],
    hinglish: [
      "{subah|dopahar|raat} se {light gayab|bijli gul} hai, {koi sunne wala nahi|phone koi nahi uthata}, {jaldi chalu karo|kab aayegi}",
      "{aandhi|baarish} ke baad se {line me fault|light band}, <h> ghante ho gaye",
      "complaint {kiya tha|di thi} par <h> ghante se ab bhi light nahi aayi",
    ],
    en: [
      "no power since {morning|afternoon|last night}, {nobody answers the phone|no update at all}, please restore",
      "{after the storm|since the rain} {the line is faulty|we have no supply}, <h> hours now",
      "I complained <h> hours ago and the power is still not back",
    ],
    agentEn: ["Caller reports no supply in the area for <h> hours after rain; line staff informed"],
    agentHl: ["Caller ka kehna <h> ghante se light nahi, complaint ke baad bhi koi nahi aaya"],
  },
  pole_wire: {
    hi: [
      "{नए मकान|नई कॉलोनी} तक {खंभे|पोल} और लाइन {चाहिए|डलवानी है}, {बांस पर तार टंगे हैं|लंबी सर्विस केबल खिंची है}",
      "{खंभा|पोल} {झुक गया है|टूटने वाला है|जड़ से सड़ गया है}, {कभी भी गिर सकता है|बच्चों को खतरा है}, {बदलवाएं|सीधा कराएं}",
      "घर की छत के ऊपर से {लाइन|हाई टेंशन तार} जा रही है, {हटवाई जाए|शिफ्ट कराएं}",
    ],
    hinglish: [
      "{naye makaan|nayi colony} tak {pole|khamba} aur line chahiye, {baans pe taar tange|lambi cable kheechi} hai",
      "{pole|khamba} {jhuk gaya|sad gaya|toot raha} hai, kabhi bhi gir sakta, {badlo|seedha karo}",
      "chhat ke upar se {line|HT taar} ja rahi hai, {hatwao|shift karo}",
    ],
    en: [
      "we need {new poles|a line extension} up to our {new house|lane}, wires are hung on bamboo poles",
      "the pole outside {is leaning badly|is rotten at the base}, it could fall any time, please replace it",
      "a {high-tension line|live wire} passes right over our roof, please shift it",
    ],
    agentEn: ["Caller requests shifting of the line passing over the roof"],
    agentHl: ["Caller ko naye ghar tak pole aur line chahiye, bamboo pe taar"],
  },
  meter_reading: {
    hi: [
      "{मीटर रीडर|रीडर} {घर आए बिना|बाहर से ही} {अंदाज़े से|मनमर्जी} रीडिंग {भर देता है|लिख देता है}, {सही रीडिंग लें|जांच करें}",
      "बिल में रीडिंग <read> है जबकि मीटर में {कम|<read>} है, {दोबारा रीडिंग लें|रीडिंग सही करें}",
      "हर बिल पर {रीडिंग उपलब्ध नहीं|एनआर} लिखा आता है, मीटर बाहर लगा है, रीडर भेजें",
    ],
    hinglish: [
      "reader {ghar aaye bina|bahar se hi} {andaaze se|apne man se} reading bhar deta, {sahi reading lo|check karo}",
      "bill me reading <read> hai par meter me {kam|<read>} hai, {dobara reading lo|reading theek karo}",
      "har bill pe {reading not available|NR} likha aata, meter bahar hi laga hai, reader bhejo",
    ],
    en: [
      "the reader {fills in readings without coming|guesses the reading}, please take a real reading",
      "the bill shows a reading of <read> but my meter shows less, please re-read the meter",
    ],
    agentEn: ["Caller says reading in bill higher than meter display; requests re-reading"],
    agentHl: ["Caller ka kehna reader bina aaye reading bhar deta, sahi reading chahiye"],
  },
};
