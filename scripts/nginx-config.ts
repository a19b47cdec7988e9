// Writes the nginx configuration of a deployment to standard output: deploy/nginx/sotd.conf with the
// values of an env file (deploy/nginx/sotd.env is the example). deploy/README.md.
//   npx tsx scripts/nginx-config.ts /etc/sotd/nginx.env > /etc/nginx/conf.d/sotd.conf && nginx -t
import { renderNginxConfigFile } from "./lib/nginx-config";

const file = process.argv[2];
if (!file) {
  console.error("Cách dùng: npx tsx scripts/nginx-config.ts <tệp giá trị, như deploy/nginx/sotd.env>");
  process.exit(2);
}
try {
  process.stdout.write(renderNginxConfigFile(file));
} catch (error) {
  console.error(`Không tạo được cấu hình nginx: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
