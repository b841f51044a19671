/**
 * 1912 call-centre notes: what the agent types into the CRM while on the call, in English or
 * Hinglish, third person ("Caller reports ..."), terse, with the address after "Add".
 */
import type { TemplateTable } from "./types.js";

export const AGENT_EN: TemplateTable = {
  supply_cut: [
    "Caller reports no supply {since} in {place}, DT suspected.",
    "Caller heard blast at transformer, supply off since then. DT failure suspected.",
    "Fuse call. Only caller's house without supply, neighbours have power; service fuse suspected.",
    "Caller reports low voltage {dur}, appliances not running.",
    "Caller reports frequent tripping since morning, {k} interruptions.",
    "Caller reports one phase missing {dur}.",
    "Caller reports no supply {dur}; whole mohalla affected.",
    "Caller (elderly) reports no supply {since}, requests priority.",
  ],
  pole_wire: [
    "Caller reports LT pole {landmark} tilted after vehicle hit it, supply on. Wants pole replaced.",
    "Caller reports sagging LT wires over the road, risk to passers-by.",
    "Caller reports sparking at pole jumper; supply on. Requests repair.",
    "Caller requests 2 new poles for line extension to new house, ready to deposit estimate.",
    "Caller says pole earthing missing, shock felt from pole during rain.",
  ],
  meter_jumping: [
    "Caller reports meter running fast, consumption up {x}x with same load. Requests check meter.",
    "Caller says meter display blank for {days} days. Requests replacement.",
    "Caller reports meter burnt, smell of burning. Requests new meter.",
    "Caller reports smart meter deducting balance even during power cut.",
  ],
  meter_reading: [
    "Caller says no reading taken for {months} months; bills marked NR.",
    "Caller disputes reading in bill ({units}) against meter display ({units2}); wants re-reading.",
    "Caller says reader recorded another consumer's meter. Wants fresh reading.",
  ],
  bill_generation: [
    "Caller says bill not generated for {months} months.",
    "Caller reports payment of {amt} made {days} days ago not posted to account.",
    "Caller disputes arrears added in current bill of {amt}; reading not disputed.",
    "Caller reports smart meter recharge of {amt} not credited.",
  ],
  connection_transfer: [
    "Caller wants name change from late father to mother; death certificate available.",
    "Caller wants connection transferred to his name after purchase of house in {year}.",
    "Caller asks status of name change application pending {months} months.",
  ],
  other: [
    "Caller enquires about process for new connection.",
    "Caller reports electricity theft by hooking {landmark}.",
    "Caller wants status of earlier complaint; reference given.",
    "Caller appreciates prompt restoration by line staff.",
    "Caller requests load enhancement from 2 kW to 5 kW.",
  ],
  vague: [
    "Caller upset, did not specify the issue. Call disconnected.",
    "Caller asked for JE number, no details given.",
  ],
  storm: [
    "Caller reports no supply since storm; tree fell on 11 kV line.",
    "Caller reports wire snapped in storm, area dark.",
    "Caller reports supply off since thunderstorm; pole damaged.",
    "Caller reports outage after strong winds; many houses affected.",
  ],
};

export const AGENT_HINGLISH: TemplateTable = {
  supply_cut: [
    "Caller ne bataya {since} supply nahi hai. DT jal gaya lagta hai.",
    "Caller ka kehna hai {dur} light nahi, pura mohalla band.",
    "Caller ke ghar ka fuse ud gaya, baaki gali me supply hai.",
    "Caller bol rahe voltage bahut kam hai, pankha nahi chal raha.",
    "Caller ne bataya line baar baar trip ho rahi, subah se {k} baar.",
    "Caller ka kehna hai gaon ki HT line ka jumper khul gaya, subah se supply band.",
    "Caller ne bataya {dur} ek phase gayab hai.",
  ],
  pole_wire: [
    "Caller ke mohalle me pole ki neev khokhli ho gayi, pole hil raha hai. Supply chal rahi.",
    "Caller ne bataya gali me taar bahut neeche latak rahe, khatra hai.",
    "Caller ko khet ke paas naye makaan tak line khinchwani hai, 3 pole lagenge.",
    "Caller ka kehna hai pole pe jumper se chingari aa rahi, supply on hai.",
  ],
  meter_jumping: [
    "Caller keh rahe meter tez chal raha, consumption {x} guna. Check meter chahiye.",
    "Caller ka meter band pada hai, display khali. Meter replace karna hai.",
    "Caller ne bataya meter box me chingari aur kaala nishan, meter badalna hai.",
  ],
  meter_reading: [
    "Caller ne bataya {months} mahine se reading nahi hui, bill average pe aa raha.",
    "Caller keh rahe reader ne galat reading chadhayi, {units} ki jagah {units2}. Sahi reading leni hai.",
    "Caller keh rahe reader bina aaye andaze se reading likh deta hai.",
  ],
  bill_generation: [
    "Caller ka kehna hai {months} mahine se bill nahi bana.",
    "Caller ne {amt} online jama kiya, account me post nahi hua.",
    "Caller ke bill me {amt} ka bakaya galat joda gaya, reading sahi hai.",
    "Caller ka smart meter recharge {amt} credit nahi hua.",
  ],
  connection_transfer: [
    "Caller ke pita ka dehant ho gaya, connection bhai ke naam karwana hai.",
    "Caller ne {year} me makan kharida, connection purane malik ke naam pe hai. Transfer chahiye.",
    "Caller ka naam transfer ka application {months} mahine se pending hai.",
  ],
  other: [
    "Caller naya connection ka process pooch rahe the.",
    "Caller ne bataya {landmark} katiya daal ke chori ho rahi hai.",
    "Caller ne apni pichhli shikayat ka status maanga.",
    "Caller ne line staff ki tareef ki, supply jaldi aayi.",
  ],
  vague: ["Caller naraz the, samasya nahi batayi. Call cut ho gayi."],
  storm: [
    "Caller ne bataya aandhi ke baad se supply nahi, ped taar pe gira hai.",
    "Caller ka kehna hai toofan me taar toot gaya, pura area band.",
    "Caller ne bataya aandhi me pole gir gaya, tab se light nahi.",
  ],
};
