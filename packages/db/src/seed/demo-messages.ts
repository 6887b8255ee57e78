// Hand-written demo chat, the way a real travel group talks: plans, photos, food, a little chaos.
type Line = readonly [who: string, text: string]

const jejuDays: Line[][] = [
  [
    ['host', '다들 제주 도착하셨나요? 공항 3번 게이트 앞에서 2시에 모여요 ✈️'],
    ['mina', '방금 착륙했어요! 짐 찾는 중 🧳'],
    ['jun', "I'm at the rental car desk, the line is long 😅"],
    ['sora', '저 편의점 앞이에요. 물 사갈까요?'],
    ['host', '네 생수 몇 병만 부탁해요 🙏'],
    ['leo', 'Landed! First time in Jeju, so excited'],
    ['mina', 'Welcome Leo!! 환영해요 🎉'],
    ['jun', 'Got the van. Silver Carnival, plate ends with 27'],
    ['host', '좋아요, 다 모이면 바로 숙소로 출발해요'],
    ['sora', '숙소 체크인 몇 시부터예요?'],
    ['host', '3시부터요. 가는 길에 고기국수 먹고 가요 🍜'],
    ['leo', "What's gogi-guksu?"],
    ['mina', 'Pork noodle soup, a Jeju classic. You will love it'],
    ['jun', '자매국수 추천합니다. 줄이 좀 있긴 한데 빨리 빠져요'],
    ['host', '그럼 자매국수로 가요!'],
    ['leo', 'That was incredible. Broth was so rich'],
    ['sora', '국물 진짜 최고였어요 👍'],
    ['mina', '숙소 바다뷰 미쳤다… 사진 올릴게요'],
    ['jun', 'Wifi password is on the fridge: jejuocean2026'],
    ['host', '저녁은 7시에 흑돼지 예약해뒀어요. 6시 40분에 로비에서 만나요'],
    ['leo', 'Black pork BBQ? Count me in 🐷'],
    ['sora', '저 조금 늦을 수도 있어요. 먼저 시작하세요'],
    ['host', '괜찮아요, 자리 맡아둘게요'],
    ['mina', '흑돼지 멜젓 찍어 먹는 거 잊지 마세요 ㅋㅋ'],
    ['jun', 'Best meal of the year so far honestly'],
    ['leo', 'Agreed. Thank you for organising Hana!'],
    ['host', '다들 푹 쉬세요. 내일은 성산일출봉 일출 보러 5시 출발이에요 🌅'],
    ['sora', '5시요…? 😱'],
    ['mina', '알람 세 개 맞춰둘게요'],
  ],
  [
    ['jun', 'Morning! Van is warming up outside'],
    ['mina', '일어났어요 ㅠㅠ 커피 필요해'],
    ['host', '편의점에서 커피 사갈게요. 아메리카노 몇 잔?'],
    ['sora', '저 라떼요!'],
    ['leo', 'Americano please, thank you 🙏'],
    ['mina', '아메리카노 2'],
    ['host', '출발합니다!'],
    ['leo', 'The sunrise from Seongsan Ilchulbong… no words'],
    ['sora', '구름이 좀 있었는데 오히려 더 예뻤어요'],
    ['mina', '정상까지 계단 생각보다 많았다 😮‍💨'],
    ['jun', '25 minutes up, worth every step'],
    ['host', '아침은 근처 해장국집에서 먹어요'],
    ['leo', 'Is haejang-guk spicy?'],
    ['mina', 'A little. Ask for 덜 맵게 (less spicy) if you want'],
    ['jun', '오후엔 우도 가는 거 맞죠?'],
    ['host', '네, 성산항에서 11시 배 타요. 신분증 꼭 챙기세요!'],
    ['sora', '헉 신분증 숙소에 두고 왔어요…'],
    ['host', '여권 사진 있으면 될 수도 있어요. 매표소에 물어볼게요'],
    ['sora', '다행히 사진으로 됐어요 휴 😮‍💨'],
    ['leo', 'Udo peanut ice cream is a must, right?'],
    ['mina', '땅콩 아이스크림 두 개 먹어도 됩니다'],
    ['jun', 'Renting electric scooters at the port, who wants one?'],
    ['leo', 'Me!'],
    ['sora', '저는 버스 탈게요. 스쿠터 무서워요'],
    ['host', '하고수동 해변에서 3시에 모여요'],
    ['mina', '물 색깔 실화인가요 💙'],
    ['leo', 'Looks like the Caribbean honestly'],
    ['jun', 'Last ferry back is 5:30. Let us take the 4:30 one to be safe'],
    ['host', '좋아요 4시 반 배로 가요'],
    ['sora', '오늘 저녁은 각자 자유시간인가요?'],
    ['host', '네! 9시 전에는 숙소 들어와 주세요. 내일 한라산이에요'],
    ['mina', '동문시장 가실 분~? 야시장 열려요'],
    ['leo', 'Yes! I want to try the famous tangerine everything 🍊'],
    ['jun', '저도 갈게요'],
    ['mina', '한라봉 주스 3개, 오메기떡 한 박스 득템'],
    ['leo', 'Omegi rice cake is my new favourite thing'],
  ],
  [
    ['host', '한라산 성판악 코스 예약 확인됐어요. 6시 입산이에요'],
    ['jun', 'Weather says clear until 2pm, then clouds'],
    ['host', '그럼 12시 반까지 정상 찍고 내려와야 해요'],
    ['sora', '등산화 빌릴 수 있는 곳 있을까요?'],
    ['mina', '성판악 입구 매점에서 아이젠이랑 스틱은 빌릴 수 있어요'],
    ['leo', 'How long is the hike?'],
    ['jun', 'About 9.6 km one way. 4–5 hours up'],
    ['leo', 'Okay, bringing extra snacks then 🍫'],
    ['host', '진달래밭 대피소 12시 통제니까 그 전에 꼭 통과해야 해요'],
    ['mina', '대피소 도착! 컵라면 먹는 중 🍜'],
    ['sora', '저는 조금 뒤처졌어요. 30분 정도 걸릴 듯'],
    ['host', '천천히 와요, 기다릴게요'],
    ['jun', 'Summit! Baengnokdam crater is full of water today'],
    ['leo', 'Highest point in South Korea ✅'],
    ['mina', '단체사진 찍어요! 다 모였죠?'],
    ['sora', '저 도착했어요 ㅠㅠ 감동'],
    ['host', '다들 수고 많았어요 👏 내려가는 길 미끄러우니 조심해요'],
    ['leo', 'My legs are jelly'],
    ['jun', '사우나 가실 분? 근처에 해수사우나 있어요'],
    ['mina', '무조건 갑니다'],
    ['sora', '저도요!!'],
    ['host', '저녁은 숙소에서 회 시켜 먹어요. 각자 먹고 싶은 거 말해주세요'],
    ['leo', 'Anything but sea urchin please 😂'],
    ['mina', '고등어회 꼭 시켜요'],
    ['jun', 'Ordering now, arrives 7:30'],
  ],
  [
    ['host', '오늘은 서쪽으로 가요. 협재 해변 → 오설록 → 한림공원'],
    ['sora', '오설록에서 녹차 아이스크림 먹을 거예요 🍵'],
    ['leo', 'Is the tea museum free?'],
    ['mina', 'Yes, free entry. The tea house upstairs is paid'],
    ['jun', 'Parking at Hyeopjae is full, dropping you all at the entrance'],
    ['host', '고마워요 준! 입구에서 기다릴게요'],
    ['leo', 'The sand here is so white'],
    ['sora', '비양도 보이는 거 너무 예쁘다'],
    ['mina', '여기서 스노클링 가능할까요?'],
    ['host', '파도가 좀 있어서 오늘은 발만 담그는 걸로 해요'],
    ['jun', 'Next stop O’sulloc, 20 minutes'],
    ['sora', '녹차 롤케이크도 있어요! 하나씩 사요'],
    ['leo', 'Bought green tea for my mum'],
    ['mina', '한림공원 야자수길 사진 맛집이에요'],
    ['host', '5시에 출발해서 애월 카페거리에서 일몰 봐요'],
    ['jun', 'Sunset at 6:48 today'],
    ['sora', '노을 진짜 최고 🌇'],
    ['leo', 'Best day of the trip so far'],
    ['mina', '내일이 벌써 마지막 날이라니 ㅠㅠ'],
    ['host', '마지막 날은 오전 자유, 오후 1시 체크아웃, 3시 공항이에요'],
    ['jun', "I'll drop the van at 2:15, see you at departures"],
    ['sora', '다들 사진 여기 올려주세요! 앨범 만들게요'],
    ['leo', 'Uploading tonight 📸'],
    ['mina', '@Hana 정말 고마워요, 완벽한 여행이에요'],
    ['host', '다들 함께해줘서 고마워요 💙 가을에 교토도 같이 가요!'],
  ],
]

const jejuAnnouncements: Line[] = [
  ['host', '📌 제주 여행 공지: 모든 일정은 이 채널에 올립니다. 알림 켜두세요!'],
  ['host', 'Day 1 — 2:00 PM meet at arrival gate 3. Dinner 7:00 PM black pork BBQ.'],
  ['host', 'Day 2 — 5:00 AM departure for Seongsan sunrise. Udo ferry 11:00 AM. Bring ID!'],
  ['host', 'Day 3 — Hallasan via Seongpanak. Entry 6:00 AM; Jindallaebat shelter closes at 12:00.'],
  ['host', 'Day 4 — West coast: Hyeopjae, O’sulloc, Hallim Park, sunset in Aewol.'],
  ['host', 'Day 5 — Check-out 1:00 PM, airport 3:00 PM. Van returns at 2:15 PM.'],
  ['host', '⚠️ 내일 오후 비 예보가 있어요. 우산 챙기세요.'],
  ['host', 'Emergency contact: Hana 010-0000-0000. Nearest hospital: Jeju National University Hospital.'],
]

const kyotoGeneral: Line[] = [
  ['host', '교토 여행 채팅방입니다! 가을 단풍 시즌이라 일정 빨리 잡아야 해요 🍁'],
  ['yuki', 'こんにちは！京都出身のユキです。案内できます 😊'],
  ['mina', 'Yuki 반가워요! 현지인 추천 너무 기대돼요'],
  ['yuki', '紅葉なら永観堂と東福寺がおすすめです。朝早く行くと空いてます'],
  ['host', 'Yuki says Eikando and Tofukuji are best for autumn leaves, early morning'],
  ['mina', '숙소는 교토역 근처가 좋을까요, 기온 쪽이 좋을까요?'],
  ['yuki', '祇園は雰囲気がいいけど、京都駅の方が移動は便利です'],
  ['host', '이동 편의성 생각해서 교토역 근처로 잡을게요'],
  ['yuki', 'Fushimi Inari at sunrise is magical, and almost empty'],
  ['mina', '후시미 이나리 새벽 가요! 🦊'],
  ['host', '아라시야마 대나무숲은 둘째 날로 넣을게요'],
  ['yuki', '嵐山では湯豆腐を食べましょう。嵯峨野の店が有名です'],
  ['mina', '유도후가 뭐예요?'],
  ['yuki', 'Simmered tofu in kelp broth. Very gentle, very Kyoto'],
  ['host', '항공권 가격 알림 설정해뒀어요. 떨어지면 공유할게요 ✈️'],
  ['mina', '일본어 몇 마디 배워갈게요. ありがとう！'],
  ['yuki', '上手です！👏'],
  ['host', '예산은 1인 80만 원 정도로 잡고 있어요. 의견 주세요'],
  ['mina', '좋아요! 그 정도면 충분할 것 같아요'],
  ['yuki', 'JR pass is not worth it for Kyoto only. ICOCA card is enough'],
]

const kyotoAnnouncements: Line[] = [
  ['host', '📌 Kyoto trip: flights ICN → KIX, Haruka express to Kyoto Station.'],
  ['host', '숙소 예약 완료: 교토역 도보 5분, 2인 1실.'],
  ['host', 'Please share dietary needs by Friday so we can book kaiseki dinner.'],
]

/** Lines for one demo planet; Jeju's general chat runs over four days. */
export function demoConversation(
  planet: 'jeju-general' | 'jeju-announcements' | 'kyoto-general' | 'kyoto-announcements',
) {
  switch (planet) {
    case 'jeju-general':
      return [...jejuDays.flat(), ...jejuRecaps()]
    case 'jeju-announcements':
      return jejuAnnouncements
    case 'kyoto-general':
      return kyotoGeneral
    case 'kyoto-announcements':
      return kyotoAnnouncements
  }
}

/** Photo-sharing chatter that fills the evenings: short, repetitive, exactly what real groups send. */
function jejuRecaps(): Line[] {
  const who = ['mina', 'jun', 'sora', 'leo', 'host']
  const spots = [
    '성산일출봉',
    '우도',
    '한라산',
    '협재 해변',
    '오설록',
    '애월',
    '동문시장',
    'Hallasan',
    'Udo',
    'Aewol',
  ]
  const reactions = [
    '사진 올렸어요 📸',
    'this one is my favourite',
    '너무 잘 나왔다 ㅋㅋ',
    'need this as my wallpaper',
    '여기 또 가고 싶어요',
    'sending the full-res version',
  ]
  const lines: Line[] = []
  for (let i = 0; i < 160; i++) {
    lines.push([
      who[i % who.length]!,
      `${spots[(i * 7) % spots.length]} — ${reactions[(i * 5) % reactions.length]}`,
    ])
  }
  return lines
}
