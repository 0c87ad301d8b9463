"""What the demo's women's groups do and say: their businesses, trainings, meetings' minutes and
decisions, market partners and bazaars — the kinds of thing a county's groups record."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class DemoBusiness:
    title: str
    kind: str           # product or service
    sector: str
    slug: str           # the shop's name in its web address
    monthly_sales: int  # Rials of sales a member's work brings in a month, about
    cost_share: float   # of sales


BUSINESSES = (
    DemoBusiness("تولید رب انار و ترشیجات خانگی", "product", "agriculture", "rob-anar", 27_000_000,
                 0.55),
    DemoBusiness("خیاطی و دوخت لباس کار", "product", "industry", "khayati", 36_000_000, 0.6),
    DemoBusiness("قالی‌بافی و گلیم‌بافی عشایری", "product", "industry", "gelim", 30_000_000,
                 0.5),
    DemoBusiness("پرورش قارچ خوراکی", "product", "agriculture", "gharch", 33_000_000, 0.62),
    DemoBusiness("تهیه و فروش غذای خانگی", "service", "services", "ghaza-khanegi",
                 39_000_000, 0.58),
    DemoBusiness("آرایشگاه زنانه", "service", "services", "arayeshgah", 42_000_000, 0.45),
    DemoBusiness("بسته‌بندی خشکبار و گیاهان دارویی", "product", "agriculture", "khoshkbar",
                 36_000_000, 0.65),
    DemoBusiness("گلدوزی و سوزن‌دوزی قشقایی", "product", "industry", "soozandozi", 24_000_000,
                 0.4),
    DemoBusiness("نگهداری سالمند و کودک در منزل", "service", "services", "parastari",
                 45_000_000, 0.35),
    DemoBusiness("تولید عروسک و صنایع دستی", "product", "industry", "aroosak", 21_000_000, 0.45),
)

CITY_PLACES = ("معالی‌آباد", "شهرک گلستان", "زرهی", "قصردشت", "سعدی", "ستارخان", "فرهنگ‌شهر",
               "بولوار چمران", "شهرک صدرا", "ملاصدرا")

# (title, kind, hours, provider)
TRAININGS = (
    ("دوره مهارت خیاطی درجه ۲", "skill", 120, "آموزشگاه فنی و حرفه‌ای شماره ۲ شیراز"),
    ("بسته‌بندی و برچسب‌گذاری محصولات غذایی", "skill", 40, "مرکز آموزش فنی و حرفه‌ای شیراز"),
    ("مدیریت کسب‌وکارهای خرد و خانگی", "business", 24, "اتاق تعاون استان فارس"),
    ("آشنایی با قانون بخش تعاونی", "cooperative", 12, "اداره کل تعاون، کار و رفاه اجتماعی"),
    ("فروش برخط و عکاسی از محصول", "marketing", 16, "مرکز نوآوری بهزیستی استان"),
    ("سواد مالی و دفترداری ساده", "finance", 10, "بانک توسعه تعاون"),
    ("بهداشت و ایمنی مواد غذایی", "skill", 18, "مرکز بهداشت شهرستان"),
    ("کارآفرینی و نوشتن طرح کسب‌وکار", "business", 30, "دانشگاه شیراز"),
)

MINUTES = (
    "گزارش فروش ماه گذشته خوانده شد و هزینه مواد اولیه بررسی شد.",
    "درباره تقسیم درآمد ماه و سهم هر عضو گفت‌وگو شد.",
    "برنامه حضور در بازارچه و نمونه‌های محصول برای نمایش بررسی شد.",
    "تسهیلگر درباره قرارداد فروش با فروشگاه زنجیره‌ای توضیح داد.",
    "کیفیت محصولات برگشتی بررسی و راه جلوگیری از آن گفت‌وگو شد.",
    "درخواست عضویت دو متقاضی تازه مطرح شد.",
    "وضعیت فروشگاه اینترنتی گروه و سفارش‌های تازه بررسی شد.",
)

DECISIONS = (
    "خرید مواد اولیه ماه آینده به‌صورت عمده",
    "ثبت‌نام در بازارچه خوداشتغالی شهرستان",
    "عکاسی دوباره از محصولات برای فروشگاه اینترنتی",
    "پیگیری دریافت پروانه بهداشت",
    "برگزاری جلسه با نماینده فروشگاه زنجیره‌ای",
    "تعمیر چرخ خیاطی و دستگاه بسته‌بندی",
    "معرفی اعضا به دوره آموزشی فنی و حرفه‌ای",
)

# (kind, partner, platform's address or "")
PARTNERS = (
    ("digital", "باسلام", "https://basalam.com/"),
    ("digital", "دیجی‌کالا", "https://www.digikala.com/seller/"),
    ("digital", "اینستاگرام", "https://instagram.com/"),
    ("supply_chain", "فروشگاه‌های زنجیره‌ای افق کوروش", ""),
    ("supply_chain", "فروشگاه‌های زنجیره‌ای رفاه", ""),
    ("firm", "شرکت صنایع غذایی فارس‌نوش", ""),
    ("firm", "شرکت فرش دستباف پارس", ""),
    ("outsourcing", "شرکت پوشاک آرین‌دوز", ""),
    ("outsourcing", "شرکت بسته‌بندی نیک‌پک", ""),
)

# (name, Jalali month it is held in, days it lasts)
BAZAARS = (
    ("بازارچه خوداشتغالی نوروزی", 12, 10),
    ("نمایشگاه صنایع دستی دهه فجر", 11, 7),
    ("بازارچه هفته بهزیستی", 2, 5),
    ("جشنواره محصولات خانگی شب یلدا", 9, 3),
    ("بازارچه خیریه ماه رمضان", 1, 4),
)

BAZAAR_PLACES = ("بوستان آزادی شیراز", "نمایشگاه بین‌المللی فارس", "سرای سعدی",
                 "حسینیه محله", "فرهنگسرای ارم")
