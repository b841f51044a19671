/**
 * Given names and surnames common in UP and Bihar, in English and Hindi, for synthetic consumers.
 * Kept in two communities so that a generated name pairs a plausible given name with a plausible
 * surname (no "Mohd. Imran Tiwari").
 */
import type { PlaceName } from "./places.js";

function pairs(s: string): PlaceName[] {
  return s.split(";").map((p) => {
    const [en, hi] = p.split(":");
    return { en, hi };
  });
}

export interface NameGroup {
  male: PlaceName[];
  female: PlaceName[];
  surnames: PlaceName[];
}

export const HINDU_NAMES: NameGroup = {
  male: pairs(
    "Ramesh:रमेश;Suresh:सुरेश;Rajesh:राजेश;Mukesh:मुकेश;Dinesh:दिनेश;Anil:अनिल;Sunil:सुनील;Manoj:मनोज;Santosh:संतोष;Vinod:विनोद;Ashok:अशोक;Rakesh:राकेश;Sanjay:संजय;Vijay:विजय;Ajay:अजय;Pankaj:पंकज;Amit:अमित;Rahul:राहुल;Deepak:दीपक;Ravi:रवि;Arvind:अरविंद;Ram Prasad:राम प्रसाद;Shyam Sundar:श्याम सुंदर;Ramesh Chandra:रमेश चंद्र;Om Prakash:ओम प्रकाश;Jai Prakash:जय प्रकाश;Brijesh:बृजेश;Umesh:उमेश;Akhilesh:अखिलेश;Shailendra:शैलेंद्र;Dharmendra:धर्मेंद्र;Vikas:विकास;Abhishek:अभिषेक;Gaurav:गौरव;Nitin:नितिन;Pawan:पवन;Ramji:रामजी;Birendra:बिरेंद्र;Upendra:उपेंद्र;Satyendra:सत्येंद्र",
  ),
  female: pairs(
    "Sunita:सुनीता;Anita:अनीता;Geeta:गीता;Seema:सीमा;Rekha:रेखा;Kiran:किरण;Poonam:पूनम;Neelam:नीलम;Savitri:सावित्री;Kamla:कमला;Shanti:शांति;Usha:उषा;Asha:आशा;Meena:मीना;Sarita:सरिता;Priyanka:प्रियंका;Pooja:पूजा;Neha:नेहा;Anjali:अंजलि;Kavita:कविता;Mamta:ममता;Sushma:सुषमा;Pushpa:पुष्पा;Radha:राधा;Saroj:सरोज;Manju:मंजू;Rinki:रिंकी;Sangeeta:संगीता;Vandana:वंदना;Archana:अर्चना",
  ),
  surnames: pairs(
    "Kumar:कुमार;Singh:सिंह;Yadav:यादव;Verma:वर्मा;Gupta:गुप्ता;Mishra:मिश्रा;Tiwari:तिवारी;Pandey:पाण्डेय;Shukla:शुक्ला;Srivastava:श्रीवास्तव;Maurya:मौर्य;Prasad:प्रसाद;Chaudhary:चौधरी;Jha:झा;Paswan:पासवान;Mandal:मंडल;Sahu:साहू;Kushwaha:कुशवाहा;Rai:राय;Dubey:दुबे;Tripathi:त्रिपाठी;Saxena:सक्सेना;Agarwal:अग्रवाल;Nishad:निषाद;Gautam:गौतम;Jaiswal:जायसवाल;Pal:पाल;Rajbhar:राजभर;Sharma:शर्मा;Thakur:ठाकुर;Rawat:रावत;Sinha:सिन्हा;Patel:पटेल;Kashyap:कश्यप;Prajapati:प्रजापति",
  ),
};

export const MUSLIM_NAMES: NameGroup = {
  male: pairs(
    "Mohd. Imran:मो. इमरान;Mohd. Arif:मो. आरिफ;Abdul Rashid:अब्दुल रशीद;Salim:सलीम;Rashid:राशिद;Irfan:इरफान;Shahid:शाहिद;Naseem:नसीम;Javed:जावेद;Aslam:असलम;Wasim:वसीम;Sajid:साजिद;Zahid:ज़ाहिद;Anwar:अनवर;Iqbal:इकबाल;Faizan:फैज़ान;Danish:दानिश;Shakeel:शकील",
  ),
  female: pairs(
    "Shabana:शबाना;Nazma:नजमा;Rukhsana:रुखसाना;Farzana:फरज़ाना;Shahnaz:शहनाज़;Noor Jahan:नूरजहां;Salma:सलमा;Reshma:रेशमा;Tabassum:तबस्सुम;Yasmin:यास्मीन;Afsana:अफसाना;Naseem Bano:नसीम बानो",
  ),
  surnames: pairs(
    "Khan:खान;Ansari:अंसारी;Siddiqui:सिद्दीकी;Qureshi:कुरैशी;Ahmad:अहमद;Hussain:हुसैन;Alvi:अल्वी;Rizvi:रिज़वी;Malik:मलिक;Shaikh:शेख",
  ),
};
