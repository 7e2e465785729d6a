/** Until when a booking may be changed, in Beijing time as the platform keeps it: 12月8日 18:00. */
export const changeUntilLabel = (instant: string) =>
    new Date(instant).toLocaleString('zh-CN', {
        timeZone: 'Asia/Shanghai',
        month: 'long',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
    });

const WEEKDAYS = '日一二三四五六';

/** 2026-12-09 → 12月9日（周三）: the day as the reception's notices write it. */
export const dayLabel = (day: string) => {
    const [year, month, date] = day.split('-').map(Number);
    const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
    return `${month}月${date}日（周${WEEKDAYS[weekday]}）`;
};
