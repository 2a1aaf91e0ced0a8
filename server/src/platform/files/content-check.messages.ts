import { defineMessages } from '../i18n/messages.ts';

/** Messages of the upload content check (`upload.content.*`). */
export const contentCheckMessages = defineMessages({
  'upload.content.executable': {
    'zh-CN': '文件内容是可执行程序（{detected}），不是 {format} 文件，已拒收',
    en: 'The file is an executable ({detected}), not a {format} file; it was refused',
  },
  'upload.content.archive': {
    'zh-CN': '文件内容是压缩包（{detected}），不是 {format} 文件；Excel 文件请按 XLSX 格式上传',
    en: 'The file is an archive ({detected}), not a {format} file; upload Excel files as XLSX',
  },
  'upload.content.document': {
    'zh-CN': '文件内容是 {detected} 文档，不是 {format} 文件',
    en: 'The file is a {detected} document, not a {format} file',
  },
  'upload.content.binary': {
    'zh-CN': '文件内容含有二进制数据（空字节），不是 {format} 文本文件',
    en: 'The file holds binary data (NUL bytes); it is not a {format} text file',
  },
  'upload.content.encoding': {
    'zh-CN': '文件开头不是有效的 {encoding} 文本，不能作为 {format} 读取；请确认文件编码',
    en: 'The start of the file is not valid {encoding} text and cannot be read as {format}; check the encoding',
  },
  'upload.content.damaged': {
    'zh-CN': '{format} 文件已损坏或不完整（压缩包目录无法读取），请重新导出后上传',
    en: 'The {format} file is damaged or incomplete (its zip directory cannot be read); export it again',
  },
  'upload.content.not_xlsx': {
    'zh-CN': '文件不是 Excel 工作簿（.xlsx）：内容为 {detected}，缺少 [Content_Types].xml 或 xl/workbook.xml',
    en: 'The file is not an Excel workbook (.xlsx): its content is {detected}, without [Content_Types].xml or xl/workbook.xml',
  },
});
