#include "bitwriter.h"

namespace vigil
{

void BitWriter::appendTo(QByteArray &out) const
{
    out.append(reinterpret_cast<const char *>(m_bytes.data()), qsizetype(m_bytes.size()));
    if (m_accBits > 0)
        out.append(char(std::uint8_t(m_acc << (8 - m_accBits))));
}

} // namespace vigil
