// The short list of passwords too common to allow (src/domain/password-policy.ts): the most used
// passwords of public breach lists, and what Vietnamese users and this app's own context favour.
// Lower case; the policy also refuses each of them followed by digits and signs ("matkhau@2024"), so
// the stems people pad are listed as well. Kept in the repository: no network, no download.
const LIST = [
  // The most common passwords world-wide (breach corpora), and the stems they are built on.
  "123456", "123456789", "12345678", "12345", "1234567", "1234567890", "1234", "123123", "111111",
  "000000", "654321", "666666", "888888", "999999", "555555", "121212", "112233", "123321", "123654",
  "159753", "147258369", "987654321", "0987654321", "0123456789", "01234567", "12341234", "11223344",
  "123456789123", "1111111111", "0000000000", "11111111", "00000000", "88888888", "7777777", "5201314",
  "520520", "password", "password1", "password123", "passw0rd", "p@ssw0rd", "p@ssword", "pass", "pass123",
  "qwerty", "qwerty123", "qwertyuiop", "qwe", "qwe123", "qwer1234", "1234qwer", "123qwe", "qweasdzxc",
  "q1w2e3r4", "q1w2e3r4t5", "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "1qaz2wsx", "1qaz2wsx3edc",
  "zaq12wsx", "1qazxsw2", "qazwsx", "asdfgh", "asdfghjkl", "asdf1234", "asd", "asd123", "123asd",
  "zxc", "zxcvbnm", "a", "aa", "abc", "abcd", "abcde", "abcdef", "abc123", "abc123456", "abcd1234",
  "abcabc", "123abc", "1a2b3c4d", "a123456", "a123456789", "123456a", "123456789a", "iloveyou",
  "iloveyou123", "loveyou", "admin", "admin123", "admin@123", "administrator", "root", "user",
  "guest", "test", "test123", "default", "changeme", "secret", "welcome", "welcome1", "letmein",
  "login", "hello", "hello123", "monkey", "dragon", "football", "baseball", "master", "sunshine",
  "princess", "shadow", "superman", "michael", "trustno1", "starwars", "whatever", "freedom", "google",
  "computer", "internet", "samsung", "iphone",
  // Vietnamese favourites.
  "matkhau", "matkhau123", "matkhau@123", "mk123456", "123456a@", "123456aa", "12345678a", "1234567a",
  "123123a", "aa123456", "a@123456", "abc@123", "abc123@", "anhyeuem", "emyeuanh", "yeuem", "yeuanh",
  "anhyeuem123", "tinhyeu", "khongbiet", "hoilamgi", "vietnam", "vietnam123", "hanoi", "saigon",
  "hochiminh", "nguyen", "tran", "le", "pham",
  // This app's context: the Ministry, its forces, the roles' names.
  "congan", "bocongan", "congannhandan", "cand", "canhsat", "anninh", "quantri", "quantrivien",
  "thuky", "canbo", "lanhdao", "donvi",
];

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST);
