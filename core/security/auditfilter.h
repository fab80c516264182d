#pragma once

#include <QString>
#include <QtGlobal>

namespace vigil
{

// Which audit rows a page holds, newest first. Keyset paging: the next page asks for rows before
// the smallest seq of the previous one, so rows appended meanwhile never shift a page.
struct AuditFilter {
    qint64 fromMs = 0;    // inclusive; 0: from the start
    qint64 toMs = 0;      // exclusive; 0: until now
    QString user;         // exact user name; empty: everyone
    QString actionPrefix; // "command." matches every command action; empty: all
    QString text;         // substring of target or detail, case-insensitive; empty: any
    qint64 beforeSeq = 0; // 0: the newest rows
    int pageSize = 100;   // 1…1000
};

} // namespace vigil
