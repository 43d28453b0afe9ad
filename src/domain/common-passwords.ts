// The most common passwords (the top of the public breach-corpus frequency lists, plus Vietnamese favourites such as
// "anhyeuem", "matkhau" and common names), 1336 entries, lower-case, whitespace-separated. Used by
// src/domain/password-policy.ts, which also refuses these as the core of a longer password ("sunshine2026!",
// "p@ssw0rd1234", "monkeymonkey"). A short list on purpose: length does the rest.
const LIST = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123 football
monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321 superman
1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter buster
soccer harley batman andrew tigger sunshine iloveyou 2000 charlie robert thomas hockey ranger daniel starwars
klaster 112233 george computer michelle jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass
maggie 159753 aaaaaa ginger princess joshua cheese amanda summer love ashley nicole chelsea biteme matthew
access yankees 987654321 dallas austin thunder taylor matrix william corvette hello martin heather secret
merlin diamond 1234qwer gfhjkm hammer silver 222222 88888888 anthony justin test bailey q1w2e3r4t5 patrick
internet scooter orange 11111 golfer cookie richard samantha bigdog guitar jackson whatever mickey chicken
sparky snoopy maverick phoenix camaro peanut morgan welcome falcon cowboy ferrari samsung andrea smokey
steelers joseph mercedes dakota arsenal eagles melissa boomer booboo spider nascar monster tigers yellow
xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple hardcore banana junior hannah 123654
porsche lakers iceman money cowboys 987654 london tennis 999999 ncc1701 coffee scooby 0000 miller boston
q1w2e3r4 brandon yamaha chester mother forever johnny edward 333333 oliver redsox player nikita knight fender
barney midnight please brandy chicago badboy slayer rangers charles angel flower rabbit wizard jasper enter
rachel chris steven winner adidas victoria natasha 1q2w3e4r jasmine winter prince marine ghbdtn fishing
cocacola casper james 232323 raiders 888888 marlboro gandalf asdfasdf crystal 87654321 12344321 golden 8675309
bigdaddy abcdef apple apples arthur asdf asdf1234 asdfg asdfghjk asdfghjkl baby babygirl badger barbara beach
bear beavis beer benjamin blessed blink182 blue bluebird bond007 boogie boss brittany bronco buddy buffalo
butter butterfly calvin camera canada candy captain carlos carmen carter cassie cat champion chance changeme
charlotte cherry chocolate christian christin claire clark coco college cool cooper corona cricket cupcake
dancer danielle dave david debbie dennis denver destiny devil diamonds dolphin dolphins donald doctor
dragonball dreamer driver eagle eagle1 einstein elephant elizabeth emily eminem england eric extreme faith
family fantasy fire fish flowers flyers ford forest fred friend friends frog gabriel galaxy garfield gemini
genius giants gibson girl girls gizmo goblue god godzilla golf goodluck google gordon green gregory guinness
hacker happy harry harrypotter hawaii heaven hello1 hello123 helpme hercules hockey1 hollywood home honda
honey hotdog house houston hunting iceman1 icecream iloveu iloveyou1 iloveyou2 internet1 ironman isabella jack
jackie jaguar jake jamie japan jason jeremy jesus jesus1 jimmy john johnson jonathan jordan23 juice julia
juliet june junior1 justice kelly kevin killer1 kim king kitten kitty knight1 lacrosse ladies lauren legend
lemon leo letmein1 liberty life lion little liverpool loser lovely lover loveme lucky lucky1 madison magic
magnum marcus maria marley martina mary master1 maxwell me melanie mercury metallica mexico miami michael1
mike minecraft mine mirror money1 monkey1 moon moose morgan1 mouse muffin murphy music mustang1 naruto naughty
nelson newyork nicholas ninja nirvana nissan november oakland ocean october office online orange1 packers
panther panthers paris parker passion passw0rd password1 password12 password123 password1234 patricia peaches
peanut1 penguin people pepsi peter phantom phoenix1 pickle pierre pink pizza playboy player1 pokemon police
poohbear popcorn power precious pretty prince1 princess1 private pumpkin puppy purple1 qwerty1 qwerty12
qwerty123 qwertyui rabbit1 rainbow random raptor redwings rebecca red123 redskins remember rich robert1 rock
rocket rockstar rocky ronaldo rosebud runner rush2112 russia sabrina sailor sakura salmon sam sammy samson
sandra santa sarah saturn scooter1 scorpio scorpion scott secret1 september shadow1 shannon shark sharon
shorty sierra silver1 simone simpsons skippy slipknot smile smiley snickers snowball snowman soccer1 softball
sophie spanky sparky1 speedy spider1 spiderman spongebob spring stanley star stars starwars1 steelers1 stella
steve stupid success sugar summer1 sunny sunshine1 super superman1 surfer sweet sweetie swimming sydney
taylor1 teacher teddy teddybear tennis1 terminator tester texas thomas1 thunder1 tiffany tiger tigger1 timber
tinkerbell tomcat toyota travis trinity trouble trustme tucker turtle twitter unicorn united valentina vanessa
victor victory viking vincent virginia volleyball voodoo warrior water welcome1 welcome123 white whitney
william1 willie wilson winner1 winston winter1 wolf wolves women wrestling xbox360 yankee yankees1 yellow1
young zachary zxcvbnm1 zzzzzz 0987654321 1111111 11111111111 1212 12121212 123 1234512345 12345a 12345q
12345qwert 123456a 123456abc 123456b 123456q 123456qwerty 12345678910 1234567891 123456789a 1234567a 1234abcd
123abc 123asd 123qweasd 123qweasdzxc 1q2w3e 1q2w3e4r5t 1q2w3e4r5t6y 1qa2ws3ed 1qaz1qaz 1qaz2wsx3edc 1qazxsw2
2002 2003 2004 2005 2010 2020 2021 2022 2023 2024 2025 2026 a123456 a123456789 a1b2c3 a1b2c3d4 aa123456
abc1234 abcd1234 abcdefg abcdefgh abcdefghijkl admin admin123 admin1234 administrator adminadmin aq1sw2de3
asd123 asdasd asdfghjkl1 azerty azertyuiop baseball1 changeme1 computer1 default dragon1 football1 g00dluck
guest hello12345 iloveyou123 letmein123 login master123 monkey123 nopassword p4ssw0rd p@ssw0rd p@ssword
pa55w0rd pa55word passpass passwd password! password01 passwordpassword qazwsxedc qazwsxedcrfv qwe123 qweasd
qweasdzxc qwerty12345 qwerty123456 qwertyuiop123 qwertz qwertzuiop root root123 secret123 starwars123
superuser sysadmin temp temp123 test123 test1234 testing trustno1trustno1 user user123 welcome1234 zaq12wsx
zaq12wsxcde3 zaq1xsw2 zaq1zaq1 zxc123 zxcvb zxcvbnm123 abc123456 abc123456789 iloveyou1234 princess123
football123 baseball123 sunshine123 superman123 michael123 jennifer123 charlie123 shadow123 monkey12345
dragon123 master1234 mypassword mypass1234 letmeinplease ihateyou iloveyoubaby loveyou loveyou1 loveyou123
lovelove ilovemyself myspace myspace1 facebook facebook1 instagram youtube linkedin yahoo hotmail gmail
outlook microsoft windows apple123 samsung123 iphone nokia sony lenovo asus dell toshiba hp printer scanner
office123 company business manager manager123 boss123 staff staff123 employee worker work work123 shop store
print printing printshop inbox mailbox support helpdesk service services customer client reception frontdesk
backoffice invoice payment cashier account accounts accounting finance sales marketing order orders delivery
welcome2024 welcome2025 welcome2026 spring2024 summer2024 autumn2024 winter2024 spring2025 summer2025
autumn2025 winter2025 spring2026 summer2026 january february march april may july august octobre december
monday tuesday wednesday thursday friday saturday sunday morning evening night tonight today tomorrow
yesterday weekend holiday vacation christmas newyear easter halloween birthday happybirthday goodmorning
goodnight hellokitty hellohello hiworld helloworld matkhau matkhau123 matkhau1234 matkhaumoi anhyeuem emyeuanh
yeuanh yeuem anhyeuemnhieu emyeuanhnhieu tinhyeu tinhyeu123 hanhphuc giadinh conyeu yeuthuong yeumai mai123
vietnam vietnam123 vietnam1975 hanoi hanoi123 saigon saigon123 hochiminh danang haiphong cantho hue nhatrang
dalat vungtau nguyen nguyenvan nguyenthi tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly minh
anh linh trang huong hoa lan mai ngoc thao thanh tuan hung dung hai nam long quang huy khanh phuong thuy hien
hanh ha tam tien trung vinh phuc thang dat son tung cuong viet hieu duc binh an hoangyen xinchao chaoem
chaoanh camon xinloi buonqua vuive thanhcong chienthang tienlen dongnai binhduong 0123456789 0912345678
0987654321a 0123456 01234567 012345678 147258369 147258 159357 159951 741852963 789456123 789456 963852741
951753 357159 258456 456789 456123 654321a 321654 321321 112233445566 11223344 121314 123454321 1234554321
123698745 147852 147852369 987456321 147896325 741852 852456 963258 2580 5201314 520520 1314520 woaini
woaini1314 aini1314 iloveyou520 88888 8888 888888888 66666666 6666 9999 99999999 00000000 0000000000
1111111111 2222 22222222 3333 44444444 55555555 7777 77777777 112358 31415926 3141592653 zxcasdqwe
qweasdzxc123 asdzxc qazxsw zxcvbnmasdfghjkl qwertyuiopasdfghjkl asdfghjklzxcvbnm poiuytrewq lkjhgfdsa mnbvcxz
1qazzaq1 2wsx3edc 3edc4rfv 1q2w3e4r5t6y7u8i qwerty7 qwerty1234 q1w2e3 q2w3e4r5 aaaaaaaa abcabc abcabcabc abcd
abcde abcdef123 aaa111 aaa123 a1a1a1 a12345 a1234567 a12345678 aa11bb22 aabbcc asdf123 asdfjkl asdasd123
qwqwqw zzzzzzzz xxxxxxxx 1a2b3c 1a2b3c4d qq123456 ww123456 qwe123qwe qwerty00 qwerty01 qwerty11 qwerty69
zxcv1234 1234zxcv 1234asdf asdf4321 4321 54321 7654321 87654321a 9876543210 876543210 ilovegod jesuschrist
blessing godisgood faithful angel1 angels angelina anita alexander alexandra alex alexis alice alicia allison
amber andrew1 angela anna annie antonio april1 ariel austin1 barbie baseball2 beautiful bella benson bianca
billy blackie blake bobby bonnie brian brianna brooke bruce bubbles buddy1 caroline catherine charlie1 chris1
christina christopher cindy cynthia daisy daniel1 danny david1 diana dolly dominic donna dorothy edward1
elaine emma eric1 erica eva evelyn felix fiona frank franklin gabriela george1 grace hailey harold helen henry
isaac jackson1 jacob james1 jane janet jason1 jeff jennifer1 jenny jerry jessica1 jesse jillian joan joe
jonathan1 jose joseph1 joshua1 joyce julie justin1 karen katie kayla keith kenneth kimberly kyle larry laura
leslie lily linda lisa logan louise lucas lucy luis madison1 marco margaret mark matthew1 megan melissa1
michelle1 miguel mitchell molly monica nancy natalie nathan nicholas1 nicole1 oscar pamela patrick1 paul paula
pedro peter1 philip rachel1 ralph randy raymond rebecca1 richard1 robin roger ronald rose ruby russell ryan
sally samuel sandy sara sean shane shelby sophia stephanie stephen steven1 susan tanner tina todd tom tommy
tony tracy tyler valerie vanessa1 vicky walter wayne wendy zoe
`

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean))
