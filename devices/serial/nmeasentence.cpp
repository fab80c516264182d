#include "nmeasentence.h"

namespace vigil
{

namespace
{

bool isAddressChar(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

} // namespace

quint8 NmeaSentence::checksumOf(QStringView body)
{
    quint8 sum = 0;
    for (QChar c : body)
        sum ^= quint8(c.unicode() & 0xFF);
    return sum;
}

std::optional<NmeaSentence> NmeaSentence::parse(const QString &frame)
{
    QStringView text(frame);
    if (text.startsWith(u'$') || text.startsWith(u'!'))
        text = text.mid(1);
    NmeaSentence s;
    const qsizetype star = text.lastIndexOf(u'*');
    QStringView body = text;
    if (star >= 0) {
        body = text.left(star);
        const QStringView hex = text.mid(star + 1).trimmed();
        bool ok = false;
        const uint received = hex.size() == 2 ? hex.toUInt(&ok, 16) : 0;
        s.m_expected = checksumOf(body);
        if (!ok) {
            s.m_checksum = Checksum::Bad;
        } else {
            s.m_received = quint8(received);
            s.m_checksum = s.m_received == s.m_expected ? Checksum::Valid : Checksum::Bad;
        }
    }
    const qsizetype comma = body.indexOf(u',');
    const QStringView address = comma < 0 ? body : body.left(comma);
    if (address.size() < 2 || address.size() > 8)
        return std::nullopt;
    for (QChar c : address) {
        if (!isAddressChar(c))
            return std::nullopt;
    }
    s.m_fields = body.toString().split(u',');
    return s;
}

bool NmeaSentence::matches(const QString &sentence) const
{
    const QString &a = address();
    if (a == sentence)
        return true;
    return sentence.size() == 3 && a.size() == 5 && a.endsWith(sentence) && !a.startsWith(u'P');
}

std::optional<QString> NmeaSentence::field(int n) const
{
    if (n < 1 || n >= m_fields.size())
        return std::nullopt;
    return m_fields.at(n);
}

} // namespace vigil
