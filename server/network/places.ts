/**
 * Place names (English and Hindi) for naming synthetic units. Localities of the big cities and
 * towns of every district are real places from general knowledge (not a gazetteer, spellings
 * vary); they make the demo read like the real network and let complaint text that names a
 * locality land on a plausible unit. Packed one district per line as "English:हिन्दी;..." to keep
 * the list reviewable.
 */

export interface PlaceName {
  en: string;
  hi: string;
}

function unpack(s: string): PlaceName[] {
  return s
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [en, hi] = p.split(":");
      return { en: en.trim(), hi: (hi ?? en).trim() };
    });
}

/** Localities of the big cities: their urban divisions, sub-divisions and substations. */
const CITY_LOCALITIES_PACKED: Record<string, string> = {
  lucknow:
    "Gomti Nagar:गोमती नगर;Chinhat:चिनहट;Indira Nagar:इंदिरा नगर;Aliganj:अलीगंज;Jankipuram:जानकीपुरम;Vikas Nagar:विकास नगर;Mahanagar:महानगर;Hazratganj:हज़रतगंज;Aminabad:अमीनाबाद;Chowk:चौक;Charbagh:चारबाग;Alambagh:आलमबाग;Ashiyana:आशियाना;Rajajipuram:राजाजीपुरम;Aishbagh:ऐशबाग;Thakurganj:ठाकुरगंज;Kaiserbagh:कैसरबाग;Nishatganj:निशातगंज;Kapoorthala:कपूरथला;Vrindavan Yojana:वृंदावन योजना;Sarojini Nagar:सरोजनी नगर;Amausi:अमौसी;Telibagh:तेलीबाग;Vibhuti Khand:विभूति खंड;Vivek Khand:विवेक खंड;Faizabad Road:फैज़ाबाद रोड;Sitapur Road:सीतापुर रोड;Kursi Road:कुर्सी रोड;Rajendra Nagar:राजेंद्र नगर;Daliganj:डालीगंज;Nirala Nagar:निराला नगर;Transport Nagar:ट्रांसपोर्ट नगर;Krishna Nagar:कृष्णा नगर;Dubagga:दुबग्गा;Gomti Nagar Extension:गोमती नगर विस्तार;Munshipulia:मुंशीपुलिया;Kalyanpur:कल्याणपुर;Sadar:सदर;Naka Hindola:नाका हिंडोला;Yahiyaganj:याहियागंज",
  "kanpur-nagar":
    "Kidwai Nagar:किदवई नगर;Govind Nagar:गोविंद नगर;Kakadeo:काकादेव;Swaroop Nagar:स्वरूप नगर;Civil Lines:सिविल लाइंस;Kalyanpur:कल्याणपुर;Panki:पनकी;Armapur:अर्मापुर;Barra:बर्रा;Naubasta:नौबस्ता;Jajmau:जाजमऊ;Chakeri:चकेरी;Shyam Nagar:श्याम नगर;Harsh Nagar:हर्ष नगर;Gwaltoli:ग्वालटोली;Parade:परेड;Birhana Road:बिरहाना रोड;Fazalganj:फजलगंज;Rawatpur:रावतपुर;Keshav Nagar:केशव नगर;Yashoda Nagar:यशोदा नगर;Juhi:जूही;Dabauli:दबौली;Generalganj:जनरलगंज;Collectorganj:कलक्टरगंज;Arya Nagar:आर्य नगर;Sisamau:सीसामऊ;Nawabganj:नवाबगंज;Gumti No. 5:गुमटी नंबर 5;Kidwai Nagar South:किदवई नगर दक्षिण;Pandu Nagar:पांडु नगर;Vijay Nagar:विजय नगर",
  prayagraj:
    "Civil Lines:सिविल लाइंस;Teliyarganj:तेलियरगंज;Shivkuti:शिवकुटी;Beli Road:बेली रोड;Tilak Nagar:तिलक नगर;Allahpur:अल्लापुर;Katra:कटरा;Colonelganj:कर्नलगंज;George Town:जॉर्ज टाउन;Kareli:करेली;Dhoomanganj:धूमनगंज;Naini:नैनी;Jhunsi:झूंसी;Mutthiganj:मुट्ठीगंज;Chowk:चौक;Khuldabad:खुल्दाबाद;Rajapur:राजापुर;Phaphamau:फाफामऊ;Daraganj:दारागंज;Kydganj:कीडगंज;Mumfordganj:मम्फोर्डगंज;Preetam Nagar:प्रीतम नगर;Sulem Sarai:सुलेम सराय;Bamrauli:बमरौली;Lukerganj:लूकरगंज;Tagore Town:टैगोर टाउन;Kalindipuram:कालिंदीपुरम;Ashok Nagar:अशोक नगर",
  varanasi:
    "Sigra:सिगरा;Lanka:लंका;Cantt:कैंट;Nadesar:नदेसर;Durgakund:दुर्गाकुंड;Bhelupur:भेलूपुर;Khojwa:खोजवा;Assi:अस्सी;Lahurabir:लहुराबीर;Maidagin:मैदागिन;Chowk:चौक;Godowlia:गोदौलिया;Pandeypur:पांडेयपुर;Sarnath:सारनाथ;Shivpur:शिवपुर;Lalpur:लालपुर;Paharia:पहड़िया;Manduadih:मंडुवाडीह;Chitaipur:चितईपुर;Sunderpur:सुंदरपुर;Bhulanpur:भुल्लनपुर;Rathyatra:रथयात्रा;Machhodari:मछोदरी;Adampur:आदमपुर;Jaitpura:जैतपुरा;Kabir Chaura:कबीरचौरा;Orderly Bazar:ऑर्डरली बाज़ार;Shivala:शिवाला;Nagwa:नगवा",
  agra: "Belanganj:बेलनगंज;Kamla Nagar:कमला नगर;Dayalbagh:दयालबाग;Sikandra:सिकंदरा;Shahganj:शाहगंज;Lohamandi:लोहामंडी;Sadar Bazar:सदर बाज़ार;Tajganj:ताजगंज;Rakabganj:रकाबगंज;Sanjay Place:संजय प्लेस;Raja Ki Mandi:राजा की मंडी;Trans Yamuna:ट्रांस यमुना;Khandari:खंदारी;Bodla:बोदला;Jaipur House:जयपुर हाउस;Pratappura:प्रतापपुरा;Madhu Nagar:मधु नगर;Fatehabad Road:फतेहाबाद रोड;Shamshabad Road:शमशाबाद रोड;Sultanganj Ki Puliya:सुल्तानगंज की पुलिया;Nunhai:नुनहाई;Rambagh:रामबाग;Balkeshwar:बल्केश्वर;Kheria Mod:खेरिया मोड़",
  ghaziabad:
    "Raj Nagar:राज नगर;Kavi Nagar:कवि नगर;Indirapuram:इंदिरापुरम;Vaishali:वैशाली;Vasundhara:वसुंधरा;Kaushambi:कौशांबी;Sahibabad:साहिबाबाद;Mohan Nagar:मोहन नगर;Raj Nagar Extension:राज नगर एक्सटेंशन;Crossings Republik:क्रॉसिंग्स रिपब्लिक;Vijay Nagar:विजय नगर;Pratap Vihar:प्रताप विहार;Nandgram:नंदग्राम;Shastri Nagar:शास्त्री नगर;Govindpuram:गोविंदपुरम;Sanjay Nagar:संजय नगर;Lal Kuan:लाल कुआं;Khoda:खोड़ा;Patel Nagar:पटेल नगर;Kaila Bhatta:कैला भट्टा;Rajendra Nagar:राजेंद्र नगर;Ghantaghar:घंटाघर;Shalimar Garden:शालीमार गार्डन",
  patna:
    "Boring Road:बोरिंग रोड;Kankarbagh:कंकड़बाग;Rajendra Nagar:राजेंद्र नगर;Bailey Road:बेली रोड;Patliputra:पाटलिपुत्र;Anisabad:अनीसाबाद;Gardanibagh:गर्दनीबाग;Bhagwat Nagar:भागवत नगर;Patna City:पटना सिटी;Danapur:दानापुर;Digha:दीघा;Rajabazar:राजाबाजार;Gandhi Maidan:गांधी मैदान;Frazer Road:फ्रेजर रोड;Kidwaipuri:किदवईपुरी;Shastri Nagar:शास्त्री नगर;Bahadurpur:बहादुरपुर;Phulwari Sharif:फुलवारी शरीफ;Saguna More:सगुना मोड़;Khagaul:खगौल;Mithapur:मीठापुर;Gulzarbagh:गुलज़ारबाग;Malsalami:मालसलामी;Ashok Rajpath:अशोक राजपथ;Bankipur:बांकीपुर;Jakkanpur:जक्कनपुर;Punaichak:पुनाईचक;Rukanpura:रुकनपुरा;Beur:बेऊर;Kumhrar:कुम्हरार",
  "gautam-buddha-nagar":
    "Sector 18:सेक्टर 18;Sector 62:सेक्टर 62;Sector 12:सेक्टर 12;Sector 15:सेक्टर 15;Sector 27:सेक्टर 27;Sector 37:सेक्टर 37;Sector 44:सेक्टर 44;Sector 50:सेक्टर 50;Sector 63:सेक्टर 63;Sector 71:सेक्टर 71;Sector 76:सेक्टर 76;Sector 93:सेक्टर 93;Sector 104:सेक्टर 104;Sector 110:सेक्टर 110;Sector 137:सेक्टर 137;Noida Phase II:नोएडा फेज़ 2;Harola:हरौला;Atta:अट्टा;Bhangel:भंगेल;Salarpur:सलारपुर;Chhalera:छलेरा;Morna:मोरना;Hosiyarpur:होशियारपुर",
  meerut:
    "Shastri Nagar:शास्त्री नगर;Ganga Nagar:गंगा नगर;Sadar Bazar:सदर बाज़ार;Begumpul:बेगमपुल;Lalkurti:लालकुर्ती;Kanker Khera:कंकरखेड़ा;Pallavpuram:पल्लवपुरम;Modipuram:मोदीपुरम;Jagriti Vihar:जागृति विहार;Suraj Kund:सूरजकुंड;Ghantaghar:घंटाघर;Partapur:परतापुर;Brahmpuri:ब्रह्मपुरी;Hapur Road:हापुड़ रोड;Saket:साकेत;Abulane:आबूलेन;Shatabdi Nagar:शताब्दी नगर;Kaserukhera:कसेरूखेड़ा",
  gorakhpur:
    "Golghar:गोलघर;Asuran:असुरन;Divya Nagar:दिव्य नगर;Gorakhnath:गोरखनाथ;Rapti Nagar:राप्ती नगर;Bichhia:बिछिया;Mohaddipur:मोहद्दीपुर;Shahpur:शाहपुर;Basharatpur:बशारतपुर;Medical College:मेडिकल कॉलेज;Taramandal:तारामंडल;Humayunpur:हुमायूंपुर;Dharamshala:धर्मशाला;Rustampur:रुस्तमपुर;Betiahata:बेतियाहाता;Alinagar:अलीनगर;Padri Bazar:पादरी बाज़ार",
};

/** Towns (tehsil or block headquarters) of every district: rural divisions and sub-divisions. */
const DISTRICT_TOWNS_PACKED: Record<string, string> = {
  agra: "Kiraoli:किरावली;Fatehabad:फतेहाबाद;Bah:बाह;Kheragarh:खेरागढ़;Etmadpur:एत्मादपुर;Achhnera:अछनेरा;Fatehpur Sikri:फतेहपुर सीकरी",
  aligarh: "Khair:खैर;Atrauli:अतरौली;Iglas:इगलास;Koil:कोल;Gabhana:गभाना;Harduaganj:हरदुआगंज;Jawan:जवां",
  "ambedkar-nagar": "Tanda:टांडा;Jalalpur:जलालपुर;Alapur:आलापुर;Bhiti:भीटी;Baskhari:बसखारी",
  amethi: "Amethi:अमेठी;Musafirkhana:मुसाफिरखाना;Tiloi:तिलोई;Jagdishpur:जगदीशपुर",
  amroha: "Dhanaura:धनौरा;Hasanpur:हसनपुर;Naugawan Sadat:नौगावां सादात;Gajraula:गजरौला",
  auraiya: "Bidhuna:बिधूना;Dibiyapur:दिबियापुर;Ajitmal:अजीतमल;Achhalda:अछल्दा",
  ayodhya: "Rudauli:रुदौली;Milkipur:मिल्कीपुर;Sohawal:सोहावल;Bikapur:बीकापुर;Faizabad:फैजाबाद",
  azamgarh:
    "Lalganj:लालगंज;Phulpur:फूलपुर;Sagri:सगड़ी;Mehnagar:मेहनगर;Nizamabad:निजामाबाद;Budhanpur:बुढ़नपुर;Martinganj:मार्टिनगंज",
  baghpat: "Baraut:बड़ौत;Khekra:खेकड़ा;Chhaprauli:छपरौली;Binauli:बिनौली",
  bahraich: "Nanpara:नानपारा;Kaiserganj:कैसरगंज;Mahsi:महसी;Payagpur:पयागपुर;Mihinpurwa:मिहींपुरवा",
  ballia: "Rasra:रसड़ा;Bansdih:बांसडीह;Sikandarpur:सिकंदरपुर;Belthara Road:बेल्थरा रोड;Bairia:बैरिया",
  balrampur: "Tulsipur:तुलसीपुर;Utraula:उतरौला;Pachpedwa:पचपेड़वा;Sriduttganj:श्रीदत्तगंज",
  banda: "Atarra:अतर्रा;Baberu:बबेरू;Naraini:नरैनी;Tindwari:तिंदवारी;Bisanda:बिसंडा",
  barabanki:
    "Nawabganj:नवाबगंज;Haidergarh:हैदरगढ़;Ramsanehighat:रामसनेहीघाट;Fatehpur:फतेहपुर;Ramnagar:रामनगर;Dewa:देवा",
  bareilly:
    "Aonla:आंवला;Baheri:बहेड़ी;Faridpur:फरीदपुर;Meerganj:मीरगंज;Nawabganj:नवाबगंज;Bithri Chainpur:बिथरी चैनपुर",
  basti: "Harraiya:हर्रैया;Rudhauli:रुधौली;Bhanpur:भानपुर;Belwa:बेलवा;Purani Basti:पुरानी बस्ती",
  bhadohi: "Gyanpur:ज्ञानपुर;Aurai:औराई;Gopiganj:गोपीगंज;Suriyawan:सुरियावां",
  bijnor:
    "Dhampur:धामपुर;Najibabad:नजीबाबाद;Nagina:नगीना;Chandpur:चांदपुर;Nehtaur:नहटौर;Kiratpur:किरतपुर;Sherkot:शेरकोट",
  budaun: "Bisauli:बिसौली;Dataganj:दातागंज;Sahaswan:सहसवान;Bilsi:बिल्सी;Ujhani:उझानी",
  bulandshahr:
    "Khurja:खुर्जा;Sikandrabad:सिकंदराबाद;Anupshahr:अनूपशहर;Debai:डिबाई;Shikarpur:शिकारपुर;Siyana:स्याना",
  chandauli: "Mughalsarai:मुगलसराय;Sakaldiha:सकलडीहा;Chakia:चकिया;Naugarh:नौगढ़;Saiyadraja:सैयदराजा",
  chitrakoot: "Karwi:कर्वी;Mau:मऊ;Rajapur:राजापुर;Manikpur:मानिकपुर",
  deoria: "Salempur:सलेमपुर;Bhatni:भटनी;Rudrapur:रुद्रपुर;Barhaj:बरहज;Bhatpar Rani:भाटपार रानी",
  etah: "Jalesar:जलेसर;Aliganj:अलीगंज;Awagarh:अवागढ़;Marhara:मारहरा",
  etawah: "Jaswantnagar:जसवंतनगर;Bharthana:भरथना;Saifai:सैफई;Chakarnagar:चकरनगर;Takha:ताखा",
  farrukhabad:
    "Farrukhabad:फर्रुखाबाद;Kaimganj:कायमगंज;Amritpur:अमृतपुर;Kamalganj:कमालगंज;Mohammadabad:मोहम्मदाबाद",
  fatehpur: "Bindki:बिंदकी;Khaga:खागा;Jahanabad:जहानाबाद;Khajuha:खजुहा;Hathgaon:हथगाम",
  firozabad: "Shikohabad:शिकोहाबाद;Tundla:टूंडला;Jasrana:जसराना;Sirsaganj:सिरसागंज",
  "gautam-buddha-nagar": "Dadri:दादरी;Jewar:जेवर;Dankaur:दनकौर;Rabupura:रबूपुरा;Bisrakh:बिसरख",
  ghaziabad: "Modinagar:मोदीनगर;Muradnagar:मुरादनगर;Loni:लोनी;Dasna:डासना",
  ghazipur:
    "Zamania:जमानियां;Saidpur:सैदपुर;Mohammadabad:मुहम्मदाबाद;Jakhania:जखनियां;Sevrai:सेवराई;Kasimabad:कासिमाबाद",
  gonda:
    "Colonelganj:कर्नलगंज;Tarabganj:तरबगंज;Mankapur:मनकापुर;Nawabganj:नवाबगंज;Katra Bazar:कटरा बाज़ार",
  gorakhpur:
    "Bansgaon:बांसगांव;Barhalganj:बड़हलगंज;Campierganj:कैम्पियरगंज;Sahjanwa:सहजनवा;Chauri Chaura:चौरी चौरा;Gola:गोला;Khajni:खजनी;Pipraich:पिपराइच;Gulariha:गुलरिहा",
  hamirpur: "Rath:राठ;Maudaha:मौदहा;Sarila:सरीला;Kurara:कुरारा",
  hapur: "Garhmukteshwar:गढ़मुक्तेश्वर;Pilkhuwa:पिलखुवा;Dhaulana:धौलाना;Simbhaoli:सिंभावली",
  hardoi:
    "Shahabad:शाहाबाद;Sandila:संडीला;Bilgram:बिलग्राम;Sawayajpur:सवायजपुर;Mallawan:मल्लावां;Pihani:पिहानी",
  hathras: "Sikandra Rao:सिकंदराराऊ;Sadabad:सादाबाद;Sasni:सासनी;Mursan:मुरसान",
  jalaun: "Konch:कोंच;Kalpi:कालपी;Jalaun:जालौन;Madhogarh:माधौगढ़",
  jaunpur:
    "Shahganj:शाहगंज;Machhlishahr:मछलीशहर;Mariahu:मड़ियाहूं;Kerakat:केराकत;Badlapur:बदलापुर;Mungra Badshahpur:मुंगरा बादशाहपुर",
  jhansi: "Mauranipur:मऊरानीपुर;Garautha:गरौठा;Moth:मोठ;Tahrauli:टहरौली;Babina:बबीना",
  kannauj: "Chhibramau:छिबरामऊ;Tirwa:तिर्वा;Gursahaiganj:गुरसहायगंज;Saurikh:सौरिख;Talgram:तालग्राम",
  "kanpur-dehat":
    "Rasulabad:रसूलाबाद;Derapur:डेरापुर;Bhognipur:भोगनीपुर;Sikandra:सिकंदरा;Pukhrayan:पुखरायां;Rura:रूरा",
  "kanpur-nagar":
    "Bilhaur:बिल्हौर;Ghatampur:घाटमपुर;Shivrajpur:शिवराजपुर;Chaubepur:चौबेपुर;Bidhnu:बिधनू;Sarsaul:सरसौल;Bithoor:बिठूर",
  kasganj: "Patiyali:पटियाली;Sahawar:सहावर;Soron:सोरों;Ganjdundwara:गंजडुंडवारा;Amanpur:अमांपुर",
  kaushambi: "Sirathu:सिराथू;Chail:चायल;Bharwari:भरवारी;Karari:करारी",
  kushinagar: "Kasya:कसया;Hata:हाटा;Tamkuhi Raj:तमकुहीराज;Khadda:खड्डा;Kaptanganj:कप्तानगंज",
  "lakhimpur-kheri":
    "Gola Gokarannath:गोला गोकर्णनाथ;Mohammadi:मोहम्मदी;Palia Kalan:पलिया कलां;Nighasan:निघासन;Dhaurahra:धौरहरा;Mitauli:मितौली",
  lalitpur: "Talbehat:तालबेहट;Mahroni:महरौनी;Pali:पाली;Madawara:मड़ावरा",
  lucknow:
    "Bakshi Ka Talab:बख्शी का तालाब;Mohanlalganj:मोहनलालगंज;Malihabad:मलिहाबाद;Kakori:काकोरी;Gosainganj:गोसाईंगंज;Itaunja:इटौंजा;Nigohan:निगोहां",
  maharajganj: "Nichlaul:निचलौल;Pharenda:फरेंदा;Nautanwa:नौतनवा;Siswa:सिसवा;Ghughli:घुघली",
  mahoba: "Charkhari:चरखारी;Kulpahar:कुलपहाड़;Kabrai:कबरई;Panwari:पनवाड़ी",
  mainpuri: "Bhongaon:भोगांव;Karhal:करहल;Kishni:किशनी;Ghiror:घिरोर;Bewar:बेवर",
  mathura:
    "Vrindavan:वृंदावन;Govardhan:गोवर्धन;Chhata:छाता;Mant:मांट;Kosi Kalan:कोसीकलां;Baldeo:बलदेव;Raya:राया",
  mau: "Ghosi:घोसी;Madhuban:मधुबन;Muhammadabad Gohna:मुहम्मदाबाद गोहना;Kopaganj:कोपागंज;Ratanpura:रतनपुरा",
  meerut:
    "Mawana:मवाना;Sardhana:सरधना;Daurala:दौराला;Kithore:किठौर;Hastinapur:हस्तिनापुर;Parikshitgarh:परीक्षितगढ़",
  mirzapur: "Chunar:चुनार;Lalganj:लालगंज;Marihan:मड़िहान;Vindhyachal:विंध्याचल;Ahraura:अहरौरा",
  moradabad: "Kanth:कांठ;Thakurdwara:ठाकुरद्वारा;Bilari:बिलारी;Kundarki:कुंदरकी;Bhojpur:भोजपुर",
  muzaffarnagar:
    "Khatauli:खतौली;Budhana:बुढ़ाना;Jansath:जानसठ;Purkazi:पुरकाजी;Charthawal:चरथावल;Mirapur:मीरापुर",
  pilibhit: "Bisalpur:बीसलपुर;Puranpur:पूरनपुर;Amariya:अमरिया;Kalinagar:कलीनगर;Barkhera:बरखेड़ा",
  pratapgarh: "Kunda:कुंडा;Patti:पट्टी;Lalganj:लालगंज;Raniganj:रानीगंज;Sangramgarh:संग्रामगढ़",
  prayagraj:
    "Phulpur:फूलपुर;Soraon:सोरांव;Handia:हंडिया;Meja:मेजा;Karchhana:करछना;Bara:बारा;Koraon:कोरांव;Sirsa:सिरसा",
  "rae-bareli":
    "Lalganj:लालगंज;Dalmau:डलमऊ;Salon:सलोन;Unchahar:ऊंचाहार;Bachhrawan:बछरावां;Maharajganj:महराजगंज",
  rampur: "Bilaspur:बिलासपुर;Milak:मिलक;Shahabad:शाहबाद;Swar:स्वार;Tanda:टांडा",
  saharanpur:
    "Deoband:देवबंद;Nakur:नकुड़;Behat:बेहट;Gangoh:गंगोह;Rampur Maniharan:रामपुर मनिहारान;Chilkana:चिलकाना",
  sambhal: "Sambhal:संभल;Chandausi:चंदौसी;Gunnaur:गुन्नौर;Nakhasa:नखासा",
  "sant-kabir-nagar": "Mehdawal:मेहदावल;Dhanghata:धनघटा;Bakhira:बखिरा;Maghar:मगहर",
  shahjahanpur:
    "Tilhar:तिलहर;Powayan:पुवायां;Jalalabad:जलालाबाद;Kalan:कलान;Jaitipur:जैतीपुर;Khutar:खुटार",
  shamli: "Kairana:कैराना;Thana Bhawan:थाना भवन;Jhinjhana:झिंझाना;Kandhla:कांधला",
  shravasti: "Ikauna:इकौना;Jamunaha:जमुनहा;Sirsiya:सिरसिया;Gilaula:गिलौला",
  siddharthnagar:
    "Naugarh:नौगढ़;Bansi:बांसी;Domariyaganj:डुमरियागंज;Itwa:इटवा;Shohratgarh:शोहरतगढ़;Barhni:बढ़नी",
  sitapur:
    "Mahmudabad:महमूदाबाद;Sidhauli:सिधौली;Biswan:बिसवां;Misrikh:मिश्रिख;Laharpur:लहरपुर;Khairabad:खैराबाद",
  sonbhadra: "Obra:ओबरा;Renukoot:रेणुकूट;Anpara:अनपरा;Dudhi:दुद्धी;Chopan:चोपन;Ghorawal:घोरावल",
  sultanpur: "Kadipur:कादीपुर;Lambhua:लंभुआ;Jaisinghpur:जयसिंहपुर;Baldirai:बल्दीराय;Kurebhar:कूरेभार",
  unnao:
    "Shuklaganj:शुक्लागंज;Safipur:सफीपुर;Purwa:पुरवा;Hasanganj:हसनगंज;Bighapur:बीघापुर;Bangarmau:बांगरमऊ",
  varanasi:
    "Pindra:पिंडरा;Rajatalab:राजातालाब;Chaubeypur:चौबेपुर;Cholapur:चोलापुर;Babatpur:बाबतपुर;Sevapuri:सेवापुरी;Harahua:हरहुआ",
  araria: "Forbesganj:फारबिसगंज;Jokihat:जोकीहाट;Raniganj:रानीगंज;Narpatganj:नरपतगंज;Sikti:सिकटी",
  arwal: "Kurtha:कुर्था;Karpi:करपी;Kaler:कलेर",
  aurangabad: "Daudnagar:दाउदनगर;Rafiganj:रफीगंज;Obra:ओबरा;Nabinagar:नबीनगर;Kutumba:कुटुंबा",
  banka: "Amarpur:अमरपुर;Katoria:कटोरिया;Belhar:बेलहर;Dhoraiya:धोरैया;Bounsi:बौंसी",
  begusarai: "Barauni:बरौनी;Teghra:तेघड़ा;Bakhri:बखरी;Ballia:बलिया;Matihani:मटिहानी",
  bhagalpur:
    "Naugachhia:नवगछिया;Kahalgaon:कहलगांव;Sultanganj:सुल्तानगंज;Pirpainti:पीरपैंती;Nathnagar:नाथनगर",
  bhojpur: "Jagdishpur:जगदीशपुर;Piro:पीरो;Bihiya:बिहिया;Koilwar:कोईलवर;Shahpur:शाहपुर",
  buxar: "Dumraon:डुमरांव;Chausa:चौसा;Brahmpur:ब्रह्मपुर;Rajpur:राजपुर;Itarhi:इटाढ़ी",
  darbhanga: "Benipur:बेनीपुर;Biraul:बिरौल;Jale:जाले;Singhwara:सिंहवाड़ा;Laheriasarai:लहेरियासराय",
  "east-champaran": "Raxaul:रक्सौल;Areraj:अरेराज;Chakia:चकिया;Dhaka:ढाका;Sugauli:सुगौली",
  gaya: "Sherghati:शेरघाटी;Tekari:टेकारी;Bodh Gaya:बोधगया;Wazirganj:वजीरगंज;Manpur:मानपुर;Belaganj:बेलागंज",
  gopalganj: "Hathua:हथुआ;Mirganj:मीरगंज;Barauli:बरौली;Kuchaikot:कुचायकोट;Bhore:भोरे",
  jamui: "Jhajha:झाझा;Sikandra:सिकंदरा;Chakai:चकाई;Laxmipur:लक्ष्मीपुर;Sono:सोनो",
  jehanabad: "Makhdumpur:मखदुमपुर;Ghosi:घोसी;Kako:काको;Hulasganj:हुलासगंज",
  kaimur: "Mohania:मोहनिया;Ramgarh:रामगढ़;Kudra:कुदरा;Chainpur:चैनपुर;Durgawati:दुर्गावती",
  katihar: "Barsoi:बारसोई;Manihari:मनिहारी;Kursela:कुरसेला;Barari:बरारी;Mirchaibari:मिरचाईबाड़ी",
  khagaria: "Gogri:गोगरी;Parbatta:परबत्ता;Mansi:मानसी;Beldaur:बेलदौर;Alauli:अलौली",
  kishanganj: "Bahadurganj:बहादुरगंज;Thakurganj:ठाकुरगंज;Kochadhaman:कोचाधामन;Pothia:पोठिया",
  lakhisarai: "Barahiya:बड़हिया;Suryagarha:सूर्यगढ़ा;Halsi:हलसी;Chanan:चानन",
  madhepura: "Murliganj:मुरलीगंज;Udakishunganj:उदाकिशुनगंज;Singheshwar:सिंहेश्वर;Bihariganj:बिहारीगंज",
  madhubani: "Jaynagar:जयनगर;Jhanjharpur:झंझारपुर;Benipatti:बेनीपट्टी;Phulparas:फुलपरास;Rajnagar:राजनगर",
  munger: "Jamalpur:जमालपुर;Tarapur:तारापुर;Kharagpur:खड़गपुर;Asarganj:असरगंज;Bariyarpur:बरियारपुर",
  muzaffarpur: "Kanti:कांटी;Motipur:मोतीपुर;Sakra:सकरा;Kurhani:कुढ़नी;Paroo:पारू;Minapur:मीनापुर",
  nalanda: "Rajgir:राजगीर;Hilsa:हिलसा;Islampur:इस्लामपुर;Ekangarsarai:एकंगरसराय;Harnaut:हरनौत",
  nawada: "Warisaliganj:वारिसलीगंज;Rajauli:रजौली;Hisua:हिसुआ;Pakribarawan:पकरीबरावां;Kawakol:कौआकोल",
  patna:
    "Barh:बाढ़;Masaurhi:मसौढ़ी;Paliganj:पालीगंज;Bikram:बिक्रम;Fatuha:फतुहा;Mokama:मोकामा;Bakhtiyarpur:बख्तियारपुर;Bihta:बिहटा;Maner:मनेर",
  purnia: "Banmankhi:बनमनखी;Dhamdaha:धमदाहा;Kasba:कसबा;Baisi:बायसी;Rupauli:रुपौली",
  rohtas: "Dehri:डेहरी;Bikramganj:बिक्रमगंज;Nokha:नोखा;Dinara:दिनारा;Nasriganj:नासरीगंज",
  saharsa: "Simri Bakhtiyarpur:सिमरी बख्तियारपुर;Sonbarsa:सोनबरसा;Mahishi:महिषी;Kahara:कहरा",
  samastipur: "Dalsinghsarai:दलसिंहसराय;Rosera:रोसड़ा;Pusa:पूसा;Tajpur:ताजपुर;Patori:पटोरी",
  saran: "Marhaura:मढ़ौरा;Sonepur:सोनपुर;Ekma:एकमा;Dighwara:दिघवारा;Mashrakh:मशरक",
  sheikhpura: "Barbigha:बरबीघा;Ariari:अरियरी;Chewara:चेवाड़ा",
  sheohar: "Piprahi:पिपराही;Tariyani:तरियानी;Purnahiya:पुरनहिया",
  sitamarhi: "Dumra:डुमरा;Bairgania:बैरगनिया;Pupri:पुपरी;Belsand:बेलसंड;Sursand:सुरसंड",
  siwan: "Maharajganj:महाराजगंज;Mairwa:मैरवा;Darauli:दरौली;Hussainganj:हुसैनगंज;Pachrukhi:पचरुखी",
  supaul: "Birpur:बीरपुर;Triveniganj:त्रिवेणीगंज;Nirmali:निर्मली;Raghopur:राघोपुर;Pipra:पिपरा",
  vaishali: "Mahnar:महनार;Lalganj:लालगंज;Bidupur:बिदुपुर;Mahua:महुआ;Vaishali:वैशाली",
  "west-champaran":
    "Narkatiaganj:नरकटियागंज;Bagaha:बगहा;Ramnagar:रामनगर;Chanpatia:चनपटिया;Lauriya:लौरिया",
};

/** Localities found in most district towns: names for urban units outside the big cities. */
export const TOWN_LOCALITIES: PlaceName[] = unpack(
  "Civil Lines:सिविल लाइंस;Sadar Bazar:सदर बाज़ार;Station Road:स्टेशन रोड;Kotwali:कोतवाली;Chowk:चौक;Collectorate:कलेक्ट्रेट;Gandhi Nagar:गांधी नगर;Nehru Nagar:नेहरू नगर;Subhash Nagar:सुभाष नगर;Awas Vikas:आवास विकास;Industrial Area:औद्योगिक क्षेत्र;Model Town:मॉडल टाउन;Patel Nagar:पटेल नगर;Shastri Nagar:शास्त्री नगर;Ashok Nagar:अशोक नगर;Adarsh Nagar:आदर्श नगर;Kachehri:कचहरी;Azad Nagar:आज़ाद नगर;Tilak Nagar:तिलक नगर;Indira Nagar:इंदिरा नगर;Vikas Nagar:विकास नगर;Ram Nagar:राम नगर;Purana Shahar:पुराना शहर;Nayaganj:नयागंज;Rajendra Nagar:राजेंद्र नगर;Bus Stand:बस स्टैंड;Mandi Samiti:मंडी समिति;Jail Road:जेल रोड;Shivaji Nagar:शिवाजी नगर;Krishna Nagar:कृष्णा नगर;Saket Colony:साकेत कॉलोनी;Railway Colony:रेलवे कॉलोनी;Mission Compound:मिशन कंपाउंड;Power House:पावर हाउस;Ambedkar Nagar:अंबेडकर नगर;Kashiram Colony:कांशीराम कॉलोनी",
);

const cityCache = new Map<string, PlaceName[]>();
const townCache = new Map<string, PlaceName[]>();

/** Big cities with their own locality list (urban units there are named after real localities). */
export const BIG_CITY_DISTRICTS: readonly string[] = Object.keys(CITY_LOCALITIES_PACKED);

export function cityLocalities(districtId: string): PlaceName[] {
  if (!cityCache.has(districtId))
    cityCache.set(districtId, unpack(CITY_LOCALITIES_PACKED[districtId] ?? ""));
  return cityCache.get(districtId) ?? [];
}

export function districtTowns(districtId: string): PlaceName[] {
  if (!townCache.has(districtId))
    townCache.set(districtId, unpack(DISTRICT_TOWNS_PACKED[districtId] ?? ""));
  return townCache.get(districtId) ?? [];
}
