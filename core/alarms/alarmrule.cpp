#include "alarmrule.h"

#include <array>

namespace vigil
{

namespace
{
constexpr std::array<std::pair<AlarmType, const char16_t *>, 7> kTypes{{
    {AlarmType::HiHi, u"hihi"},
    {AlarmType::Hi, u"hi"},
    {AlarmType::Lo, u"lo"},
    {AlarmType::LoLo, u"lolo"},
    {AlarmType::Digital, u"digital"},
    {AlarmType::Deviation, u"deviation"},
    {AlarmType::RateOfChange, u"rate"},
}};
constexpr std::array<std::pair<AlarmPriority, const char16_t *>, 4> kPriorities{{
    {AlarmPriority::Low, u"low"},
    {AlarmPriority::Medium, u"medium"},
    {AlarmPriority::High, u"high"},
    {AlarmPriority::Critical, u"critical"},
}};

template<typename E, size_t N>
QString nameOf(const std::array<std::pair<E, const char16_t *>, N> &table, E value)
{
    for (const auto &[e, name] : table) {
        if (e == value)
            return QString::fromUtf16(name);
    }
    return QString();
}

template<typename E, size_t N>
std::optional<E> parse(const std::array<std::pair<E, const char16_t *>, N> &table, QStringView s)
{
    for (const auto &[e, name] : table) {
        if (s.compare(QStringView(name), Qt::CaseInsensitive) == 0)
            return e;
    }
    return std::nullopt;
}

template<typename E, size_t N>
QStringList namesOf(const std::array<std::pair<E, const char16_t *>, N> &table)
{
    QStringList out;
    for (const auto &entry : table)
        out.append(QString::fromUtf16(entry.second));
    return out;
}
} // namespace

QString alarmTypeName(AlarmType type)
{
    return nameOf(kTypes, type);
}
std::optional<AlarmType> parseAlarmType(QStringView name)
{
    return parse(kTypes, name);
}
QStringList alarmTypeNames()
{
    return namesOf(kTypes);
}
QString alarmPriorityName(AlarmPriority p)
{
    return nameOf(kPriorities, p);
}
std::optional<AlarmPriority> parseAlarmPriority(QStringView name)
{
    return parse(kPriorities, name);
}
QStringList alarmPriorityNames()
{
    return namesOf(kPriorities);
}

} // namespace vigil
